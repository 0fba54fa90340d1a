using System.Linq;
using ScrapeDsl.Language;
using Xunit;

namespace ScrapeDsl.Tests.Language;

/// <summary>Reads rule text the way every tool does (through <see cref="RuleReader"/>) and checks positions.</summary>
internal static class RuleText
{
    public const string Path = "rules/test/sample.scrape.yaml";

    public static RuleFile Read(string yaml) => RuleReader.Read(Path, yaml);

    /// <summary>Reads a rule that must be valid and returns it.</summary>
    public static Rule Valid(string yaml)
    {
        var file = Read(yaml);
        Assert.True(file.Diagnostics.Count == 0, "unexpected diagnostics:\n" + string.Join("\n", file.Diagnostics));
        return Assert.IsType<Rule>(file.Rule);
    }

    /// <summary>The one diagnostic with <paramref name="id"/> (fails when there is none or several).</summary>
    public static RuleDiagnostic Single(string yaml, string id)
    {
        var file = Read(yaml);
        var matching = file.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"expected one {id}, got:\n" + string.Join("\n", file.Diagnostics));
        Assert.Null(file.Rule);
        return matching[0];
    }

    public static Field Field(Rule rule, string name) => rule.Fields.Single(f => f.Name == name);

    /// <summary>
    /// The span starts at (<paramref name="line"/>, <paramref name="column"/>), both 1-based as an editor shows them,
    /// covers exactly <paramref name="token"/> in <paramref name="text"/>, and ends on the same line after it.
    /// </summary>
    public static void AssertAt(string text, SourceSpan span, int line, int column, string token)
    {
        Assert.Equal((line, column), (span.StartLine, span.StartColumn));
        Assert.Equal(token, text.Substring(span.Start, span.Length));
        Assert.Equal((line, column + token.Length), (span.EndLine, span.EndColumn));
    }
}
