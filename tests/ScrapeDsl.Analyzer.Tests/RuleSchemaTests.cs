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
/// <c>docs/scrape.schema.json</c> (rules) and <c>docs/scrape.partial.schema.json</c> (partials, which take the rule
/// schema's definitions by reference) give editors completion and quick checks of rule files. They must accept every
/// rule file of the repository, flag what the build would reject at its key, and name exactly the keys the rule reader
/// knows, so they cannot drift from the language.
/// </summary>
public sealed class RuleSchemaTests
{
    private static readonly BuildOptions s_build = new() { SchemaRegistry = new SchemaRegistry() };
    private static readonly JsonSchema s_schema = Load("scrape.schema.json");
    private static readonly JsonSchema s_partialSchema = Load("scrape.partial.schema.json");
    private static readonly JsonObject s_schemaJson = JsonNode.Parse(File.ReadAllText(Repository.PathOf("docs", "scrape.schema.json")))!.AsObject();

    public static TheoryData<string> RuleFiles() => new(RuleFilePaths());

    private static IEnumerable<string> RuleFilePaths() =>
        new[] { "rules", Path.Combine("docs", "examples") }
            .SelectMany(folder => Directory.GetFiles(Repository.PathOf(folder), "*.scrape.yaml", SearchOption.AllDirectories))
            .Where(file => !file.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(Repository.Root, file).Replace('\\', '/'))
            .OrderBy(file => file, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Every_rule_file_of_the_repository_is_valid(string file)
    {
        Assert.Equal([], Errors(File.ReadAllText(Repository.PathOf(file)), RuleReader.IsPartialPath(file) ? s_partialSchema : s_schema));
    }

    [Fact]
    public void The_repository_has_a_partial_to_check()
    {
        Assert.Contains(RuleFilePaths(), RuleReader.IsPartialPath);
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
        var errors = Errors("name: Page\n" + yaml, s_schema);

        Assert.NotEmpty(errors);
        Assert.Contains(errors, error => error.StartsWith(where + ":", StringComparison.Ordinal));
        Assert.NotEmpty(RuleReader.Read("page.scrape.yaml", "name: Page\n" + yaml).Diagnostics);
    }

    [Theory]
    [InlineData("name: Common\nfields:\n  title: h1\n", "/name")]
    [InlineData("match:\n  hosts: [news.example]\nfields:\n  title: h1\n", "/match")]
    [InlineData("examples:\n  - page: fixtures/a.html\nfields:\n  title: h1\n", "/examples")]
    [InlineData("fields:\n  title:\n    csss: h1\n", "/fields/title")]
    [InlineData("remove:\n  ad: .ad\n", "/remove")]
    public void What_the_build_rejects_in_a_partial_is_flagged_at_its_key(string yaml, string where)
    {
        var errors = Errors(yaml, s_partialSchema);

        Assert.Contains(errors, error => error.StartsWith(where + ":", StringComparison.Ordinal));
        Assert.NotEmpty(RuleReader.Read("_common.scrape.yaml", yaml).Diagnostics);
    }

    [Fact]
    public void The_schema_names_the_keys_the_rule_reader_knows()
    {
        var definitions = s_schemaJson["definitions"]!.AsObject();
        var field = definitions["field"]!["anyOf"]![1]!;
        var fallback = definitions["fallback"]!["anyOf"]![1]!;

        Assert.Equal(Sorted(RuleReader.s_rootKeys), Keys(s_schemaJson));
        Assert.Equal(Sorted(RuleReader.s_partialKeys), Keys(JsonNode.Parse(File.ReadAllText(Repository.PathOf("docs", "scrape.partial.schema.json")))!));
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
    private static List<string> Errors(string yaml, JsonSchema schema)
    {
        var instance = JsonSerializer.SerializeToElement(ToJson(yaml));
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
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

    /// <summary>
    /// A schema of <c>docs/</c>, registered beside the other, so that the partial schema's references to the rule schema
    /// resolve as in an editor. Under an https base: against <c>file:</c> URIs JsonSchema.Net 8.0.5 resolves the rule
    /// schema's own <c>#/definitions/…</c> references to a wrong place (its <c>#</c> escaped into the path).
    /// </summary>
    private static JsonSchema Load(string name) =>
        JsonSchema.FromText(File.ReadAllText(Repository.PathOf("docs", name)), s_build, new Uri("https://scrapedsl.invalid/docs/" + name));

    private static List<string> Keys(JsonNode schema) => Sorted(schema["properties"]!.AsObject().Select(property => property.Key));

    private static List<string> Sorted(IEnumerable<string> names) => names.OrderBy(name => name, StringComparer.Ordinal).ToList();
}
