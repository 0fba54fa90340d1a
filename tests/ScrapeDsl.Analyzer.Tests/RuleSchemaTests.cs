using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using ScrapeDsl.Language;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace ScrapeDsl.Analyzer.Tests;

/// <summary>
/// <c>docs/scrape.schema.json</c> gives editors completion and quick checks of rule files. It must accept every rule of
/// the repository, flag what the build would reject at its key, and name exactly the keys the rule reader knows, so it
/// cannot drift from the language.
/// </summary>
public sealed class RuleSchemaTests
{
    private static readonly JsonSchema s_schema = JsonSchema.FromText(File.ReadAllText(Repository.PathOf("docs", "scrape.schema.json")));
    private static readonly JsonObject s_schemaJson = JsonNode.Parse(File.ReadAllText(Repository.PathOf("docs", "scrape.schema.json")))!.AsObject();

    public static TheoryData<string> RuleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "rules", Path.Combine("docs", "examples") })
        {
            foreach (var file in Directory.GetFiles(Repository.PathOf(folder), "*.scrape.yaml", SearchOption.AllDirectories)
                .Where(file => !file.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .OrderBy(file => file, StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(Repository.Root, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Every_rule_file_of_the_repository_is_valid(string file)
    {
        Assert.Empty(Errors(File.ReadAllText(Repository.PathOf(file))));
    }

    [Theory]
    [InlineData("fields:\n  title:\n    csss: h1\n", "/fields/title")]
    [InlineData("fields:\n  title: { css: h1, type: datetim }\n", "/fields/title/type")]
    [InlineData("fields:\n  title: { css: h1, many: yes }\n", "/fields/title/many")]
    [InlineData("fields:\n  title:\n    css: h1\n    transform: [ trim ]\n", "/fields/title/transform/0")]
    [InlineData("fields:\n  title:\n    css: h1\n    transform: [ { regex: 'a(b)', grup: 1 } ]\n", "/fields/title/transform/0")]
    [InlineData("fields:\n  title:\n    css: h1\n    fallback: [ { meta: og:title, many: true } ]\n", "/fields/title/fallback/0")]
    [InlineData("match:\n  paths: [news/*]\nfields:\n  title: h1\n", "/match/paths")]
    [InlineData("feilds:\n  title: h1\n", "/feilds")]
    [InlineData("examples:\n  - { url: https://example.com/a }\nfields:\n  title: h1\n", "/examples/0")]
    public void What_the_build_rejects_is_flagged_at_its_key(string yaml, string where)
    {
        var errors = Errors("name: Page\n" + yaml);

        Assert.NotEmpty(errors);
        Assert.Contains(errors, error => error.StartsWith(where + ":", StringComparison.Ordinal));
        Assert.NotEmpty(RuleReader.Read("page.scrape.yaml", "name: Page\n" + yaml).Diagnostics);
    }

    [Fact]
    public void The_schema_names_the_keys_the_rule_reader_knows()
    {
        var definitions = s_schemaJson["definitions"]!.AsObject();
        var field = definitions["field"]!["anyOf"]![1]!;
        var fallback = definitions["fallback"]!["anyOf"]![1]!;

        Assert.Equal(Sorted(RuleReader.s_rootKeys), Keys(s_schemaJson));
        Assert.Equal(Sorted(RuleReader.s_matchKeys), Keys(s_schemaJson["properties"]!["match"]!));
        Assert.Equal(Sorted(RuleReader.s_exampleKeys), Keys(s_schemaJson["properties"]!["examples"]!["items"]!));
        Assert.Equal(Sorted(RuleReader.s_fieldKeys), Keys(field));
        Assert.Equal(Sorted(RuleReader.s_fallbackKeys), Keys(fallback));
        Assert.Equal(Sorted(RuleReader.s_types), Sorted(field["properties"]!["type"]!["enum"]!.AsArray().Select(type => (string)type!)));
        Assert.Equal(Sorted(RuleReader.s_values), Sorted(definitions["value"]!["enum"]!.AsArray().Select(value => (string)value!)));

        // Each transform step is an object whose first key names it.
        var steps = definitions["step"]!["anyOf"]!.AsArray().Skip(1).Select(step => (string)definitions[((string)step!["$ref"]!).Split('/').Last()]!["required"]![0]!);
        Assert.Equal(Sorted(RuleReader.s_transformKinds), Sorted(steps));
    }

    /// <summary>
    /// The schema's errors for a rule file read as an editor reads YAML, as "instance location: message"; none when it is
    /// valid (the list then still holds the failed alternatives of each anyOf, which are not errors).
    /// </summary>
    private static List<string> Errors(string yaml)
    {
        var instance = JsonSerializer.SerializeToElement(ToJson(yaml));
        var result = s_schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => detail.InstanceLocation + ": " + error.Value))
            .ToList();
    }

    /// <summary>
    /// YAML as editors' YAML support reads it (the YAML 1.2 core schema): a plain <c>true</c> is a boolean and a plain
    /// <c>10</c> a number. The rule reader reads every scalar as text, which the schema allows for.
    /// </summary>
    private static JsonNode? ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);

        static JsonNode? Convert(YamlNode node) => node switch
        {
            YamlMappingNode map => new JsonObject(map.Children.Select(entry => KeyValuePair.Create(((YamlScalarNode)entry.Key).Value!, Convert(entry.Value)))),
            YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
            YamlScalarNode { Style: not YamlDotNet.Core.ScalarStyle.Plain } quoted => JsonValue.Create(quoted.Value),
            YamlScalarNode { Value: null or "" or "~" or "null" or "Null" or "NULL" } => null,
            YamlScalarNode { Value: "true" or "True" or "TRUE" } => JsonValue.Create(true),
            YamlScalarNode { Value: "false" or "False" or "FALSE" } => JsonValue.Create(false),
            YamlScalarNode scalar when Regex.IsMatch(scalar.Value!, @"^[-+]?[0-9]+$") => JsonValue.Create(long.Parse(scalar.Value!, System.Globalization.CultureInfo.InvariantCulture)),
            YamlScalarNode scalar => JsonValue.Create(scalar.Value),
            _ => throw new NotSupportedException(node.GetType().Name),
        };
    }

    private static List<string> Keys(JsonNode schema) => Sorted(schema["properties"]!.AsObject().Select(property => property.Key));

    private static List<string> Sorted(IEnumerable<string> names) => names.OrderBy(name => name, StringComparer.Ordinal).ToList();
}
