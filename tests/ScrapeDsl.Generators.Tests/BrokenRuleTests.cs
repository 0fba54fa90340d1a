using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ScrapeDsl.Generators.Tests.Driver;
using ScrapeDsl.Testing.Snapshots;
using Xunit;

namespace ScrapeDsl.Generators.Tests;

/// <summary>
/// Broken rules give diagnostics at their exact place in the YAML, never exceptions; a valid rule beside a broken one
/// is still emitted, and the broken one at most as a placeholder that keeps its valid fields and never matches a URL.
/// A build reports a file's own problems through the rule analyzer and problems across files through the generator
/// (docs/checks.md): each test says which component reports it, and that it is reported once. Expected positions are
/// 0-based, as Roslyn reports them; the snapshots print them 1-based, as the compiler does.
/// </summary>
public sealed class BrokenRuleTests
{
    private const string ValidPath = "rules/example.com/valid.scrape.yaml";

    [Fact]
    public void Invalid_selector_is_reported_at_the_selector()
    {
        const string path = "rules/example.com/invalid-selector.scrape.yaml";
        const string yaml = """
            name: Broken
            fields:
              title:
                css: h1[

            """;

        var run = RunBesideValidRule(path, yaml);
        AssertReportedByTheAnalyzerOnly(run);

        var diagnostic = Assert.Single(run.Diagnostics);
        AssertDiagnostic(diagnostic, "SCR008", path, yaml, "h1[", start: (3, 9), end: (3, 12));
        AssertValidRuleAndPlaceholderAreEmitted(run, "Broken");
        Snapshot.VerifyText(DiagnosticText.Format(run.Diagnostics));
    }

    [Fact]
    public void Unknown_key_is_reported_at_the_key()
    {
        const string path = "rules/example.com/unknown-key.scrape.yaml";
        const string yaml = """
            name: Broken
            fields:
              title:
                csss: h1

            """;

        var run = RunBesideValidRule(path, yaml);
        AssertReportedByTheAnalyzerOnly(run);

        // The typo is the one error, with a suggestion: the field is not also reported as having no source (SCR012).
        var diagnostic = Assert.Single(run.Diagnostics);
        AssertDiagnostic(diagnostic, "SCR002", path, yaml, "csss", start: (3, 4), end: (3, 8));
        Assert.Contains("did you mean 'css'?", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        AssertValidRuleAndPlaceholderAreEmitted(run, "Broken");
        Snapshot.VerifyText(DiagnosticText.Format(run.Diagnostics));
    }

    [Fact]
    public void Missing_name_is_reported_at_the_first_key()
    {
        const string path = "rules/example.com/missing-name.scrape.yaml";
        const string yaml = """
            # A rule without a name
            fields:
              title: h1

            """;

        var run = RunBesideValidRule(path, yaml);
        AssertReportedByTheAnalyzerOnly(run);

        var diagnostic = Assert.Single(run.Diagnostics);
        AssertDiagnostic(diagnostic, "SCR004", path, yaml, "fields", start: (1, 0), end: (1, 6));
        AssertOnlyValidRuleIsEmitted(run);
        Snapshot.VerifyText(DiagnosticText.Format(run.Diagnostics));
    }

    [Fact]
    public void Yaml_syntax_error_is_reported_where_the_parser_stopped()
    {
        const string path = "rules/example.com/syntax-error.scrape.yaml";

        // 'lead' is indented one space too far, so it continues the plain scalar 'h1', where ': ' is not allowed.
        const string yaml = """
            name: Broken
            fields:
              title: h1
               lead: .lead

            """;

        var run = RunBesideValidRule(path, yaml);
        AssertReportedByTheAnalyzerOnly(run);

        var diagnostic = Assert.Single(run.Diagnostics);
        AssertDiagnostic(diagnostic, "SCR001", path, yaml, string.Empty, start: (3, 7), end: (3, 7));
        AssertOnlyValidRuleIsEmitted(run);
        Snapshot.VerifyText(DiagnosticText.Format(run.Diagnostics));
    }

    [Fact]
    public void Unclosed_bracket_is_a_syntax_error_at_the_bracket_not_a_crash()
    {
        const string path = "rules/example.com/unclosed-bracket.scrape.yaml";

        // YamlDotNet throws InvalidOperationException here, not a YamlException; it once escaped as CS8785.
        const string yaml = """
            name: Broken
            fields:
              title: [h1
              lead: .lead

            """;

        var run = RunBesideValidRule(path, yaml);
        AssertReportedByTheAnalyzerOnly(run);

        var diagnostic = Assert.Single(run.Diagnostics);
        AssertDiagnostic(diagnostic, "SCR001", path, yaml, string.Empty, start: (2, 9), end: (2, 9));
        AssertOnlyValidRuleIsEmitted(run);
    }

    [Fact]
    public void Blank_selector_is_reported_at_the_selector()
    {
        const string path = "rules/example.com/blank-selector.scrape.yaml";
        const string yaml = """
            name: Broken
            fields:
              title:
                css: "  "

            """;

        var run = RunBesideValidRule(path, yaml);
        AssertReportedByTheAnalyzerOnly(run);

        var diagnostic = Assert.Single(run.Diagnostics);
        AssertDiagnostic(diagnostic, "SCR009", path, yaml, "\"  \"", start: (3, 9), end: (3, 13));
        AssertValidRuleAndPlaceholderAreEmitted(run, "Broken");
        Snapshot.VerifyText(DiagnosticText.Format(run.Diagnostics));
    }

    [Fact]
    public void Rule_files_with_the_same_name_are_both_reported_at_their_names_and_the_first_by_path_is_emitted()
    {
        const string first = "rules/example.com/a.scrape.yaml";
        const string second = "rules/example.com/b.scrape.yaml";
        const string firstYaml = """
            name: Twin
            fields:
              title: h1

            """;
        const string secondYaml = """
            name: Twin
            fields:
              heading: h2

            """;

        // Handed over in reverse path order: path order, not the compiler's file order, decides which rule wins.
        var run = GeneratorHarness.Run(new[] { RuleTexts.Inline(second, secondYaml), RuleTexts.Inline(first, firstYaml) });

        // A problem across files: the generator's, and the analyzer has nothing to say about either file alone. Path order
        // picks the rule to compile, not the file that is new, so both files carry the error.
        Assert.Empty(run.AnalyzerDiagnostics);
        Assert.Equal(2, run.Diagnostics.Length);
        AssertDiagnostic(run.Diagnostics.Single(d => d.Location.GetLineSpan().Path == first), "SCR007", first, firstYaml, "Twin", start: (0, 6), end: (0, 10));
        AssertDiagnostic(run.Diagnostics.Single(d => d.Location.GetLineSpan().Path == second), "SCR007", second, secondYaml, "Twin", start: (0, 6), end: (0, 10));
        Assert.Equal(new[] { "ScrapeRules.g.cs", "Twin.g.cs" }, run.Sources.Keys);
        Assert.Contains("string? Title", run.Sources["Twin.g.cs"], System.StringComparison.Ordinal);
        Assert.DoesNotContain("Heading", run.Sources["Twin.g.cs"], System.StringComparison.Ordinal);
        run.AssertOutputCompilesCleanly();
        Snapshot.VerifyText(DiagnosticText.Format(run.Diagnostics));
    }

    private static GeneratorRun RunBesideValidRule(string path, string yaml) => GeneratorHarness.Run(new[]
    {
        RuleTexts.Inline(path, yaml),
        RuleTexts.Inline(ValidPath, "name: Valid\nfields:\n  title: h1\n"),
    });

    /// <summary>A file's own problems come from the analyzer alone: the generator (analyzers on) does not repeat them.</summary>
    private static void AssertReportedByTheAnalyzerOnly(GeneratorRun run)
    {
        Assert.NotEmpty(run.AnalyzerDiagnostics);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    private static void AssertOnlyValidRuleIsEmitted(GeneratorRun run)
    {
        Assert.Equal(new[] { "ScrapeRules.g.cs", "Valid.g.cs" }, run.Sources.Keys);
        run.AssertOutputCompilesCleanly();
    }

    /// <summary>The broken rule (whose name is readable) is emitted as a placeholder without the broken field, which never matches a URL.</summary>
    private static void AssertValidRuleAndPlaceholderAreEmitted(GeneratorRun run, string brokenName)
    {
        Assert.Equal(new[] { brokenName + ".g.cs", "ScrapeRules.g.cs", "Valid.g.cs" }, run.Sources.Keys);
        var placeholder = run.Sources[brokenName + ".g.cs"];
        Assert.Contains("public sealed partial record " + brokenName + "() :", placeholder, System.StringComparison.Ordinal);
        Assert.Contains("public bool Matches(global::System.Uri url) => false;", placeholder, System.StringComparison.Ordinal);
        run.AssertOutputCompilesCleanly();
    }

    /// <summary>Checks id, severity (every SCR id is an error today), file, 0-based line/column span, and that the span's text is <paramref name="text"/>.</summary>
    private static void AssertDiagnostic(
        Diagnostic diagnostic, string id, string path, string yaml, string text, (int Line, int Column) start, (int Line, int Column) end)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var lineSpan = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, lineSpan.Path);
        Assert.Equal(new LinePosition(start.Line, start.Column), lineSpan.StartLinePosition);
        Assert.Equal(new LinePosition(end.Line, end.Column), lineSpan.EndLinePosition);

        // The character span must be the same place as the line span, and cover the offending text.
        var source = SourceText.From(yaml);
        Assert.Equal(lineSpan.Span, source.Lines.GetLinePositionSpan(diagnostic.Location.SourceSpan));
        Assert.Equal(text, source.ToString(diagnostic.Location.SourceSpan));
    }
}
