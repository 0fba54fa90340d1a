using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ScrapeDsl.Interpreter;
using ScrapeDsl.Language;
using ScrapeDsl.Rules;
using Xunit;

namespace ScrapeDsl.Tests.Sites;

/// <summary>Every site rule's example through the generated extractor and the interpreter: identical JSON.</summary>
public sealed class InterpreterAgreesWithGeneratedCodeTests
{
    public static IEnumerable<object[]> RuleFiles() =>
        Directory.GetFiles(AppContext.BaseDirectory, "*.scrape.yaml", SearchOption.AllDirectories)
            .Where(path => !RuleReader.IsPartialPath(path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new object[] { Path.GetRelativePath(AppContext.BaseDirectory, path) });

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Interpreted_and_generated_output_are_byte_identical(string relativePath)
    {
        var path = Path.Combine(AppContext.BaseDirectory, relativePath);
        var file = RuleResolver.ReadWithExtends(path, File.ReadAllText(path), p => File.Exists(p) ? File.ReadAllText(p) : null);
        Assert.False(file.HasErrors, string.Join("\n", file.Diagnostics));
        var rule = file.Rule!;
        var custom = CustomTransforms.FromAssembly(typeof(ScrapeRules).Assembly, rule.Name);
        var interpreted = InterpretedRule.From(rule, custom);
        var generated = ScrapeRules.Registry.Get(rule.Name);
        Assert.NotNull(generated);
        foreach (var example in rule.Examples)
        {
            var html = File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, example.Page));
            var url = example.Url is null ? null : new Uri(example.Url);
            Assert.Equal(
                ResultJson.Serialize(generated!.ExtractUntyped(html, url)),
                ResultJson.Serialize(interpreted.Extract(html, url)));
        }
    }
}
