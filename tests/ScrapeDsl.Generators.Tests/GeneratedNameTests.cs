using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using ScrapeDsl.Generators.Tests.Driver;
using Xunit;

namespace ScrapeDsl.Generators.Tests;

/// <summary>
/// Names in a rule become C# type, member and file names. A name that would break the generated code is an SCR
/// diagnostic at the name; any other name compiles, whatever generated member it resembles.
/// </summary>
public sealed class GeneratedNameTests
{
    [Fact]
    public void Fields_named_like_generated_members_still_compile()
    {
        // 'match' and 'remove' were once the extractor's s_match and s_remove; 'body_remove' was body's remove list;
        // 'seller__name' was seller's nested 'name'; 'reviewsReplies' was the reader of reviews' nested 'replies'.
        var run = GeneratorHarness.Run(new[]
        {
            RuleTexts.Inline("rules/example.com/game.scrape.yaml", """
                name: Game
                remove: .ads
                fields:
                  match: .match
                  remove: { css: .removed }           # the long form: the short form would be SCR053
                  body: { css: .body, remove: .quote }
                  body_remove: .body-remove
                  seller: { css: .seller, fields: { name: .name } }
                  seller__name: .seller-name
                  reviews: { css: .review, many: true, fields: { replies: { css: .reply, many: true, fields: { text: p } } } }
                  reviewsReplies: { css: .all-replies, many: true, fields: { text: p } }

                """),
        });

        Assert.Empty(run.Diagnostics);
        run.AssertOutputCompilesCleanly();
    }

    [Fact]
    public void Rule_named_like_the_registry_is_reported_at_its_name()
    {
        var run = GeneratorHarness.Run(new[] { RuleTexts.Inline("rules/example.com/registry.scrape.yaml", "name: ScrapeRules\nfields:\n  title: h1\n") });

        AssertSingleError(run, "SCR006", "rules/example.com/registry.scrape.yaml", line: 0, start: 6, end: 17, "the generated registry of all rules is the class 'ScrapeRules'");
        Assert.Equal(new[] { "ScrapeRules.g.cs" }, run.Sources.Keys);
        run.AssertOutputCompilesCleanly();
    }

    [Fact]
    public void Rule_named_in_lower_case_letters_is_reported_at_its_name()
    {
        var run = GeneratorHarness.Run(new[] { RuleTexts.Inline("rules/example.com/article.scrape.yaml", "name: article\nfields:\n  title: h1\n") });

        AssertSingleError(run, "SCR006", "rules/example.com/article.scrape.yaml", line: 0, start: 6, end: 13, "use a PascalCase name such as 'Article'");
        Assert.Equal(new[] { "ScrapeRules.g.cs" }, run.Sources.Keys);
        run.AssertOutputCompilesCleanly();
    }

    [Fact]
    public void Rule_named_like_another_rules_extractor_is_reported_on_both_files()
    {
        var run = GeneratorHarness.Run(new[]
        {
            RuleTexts.Inline("rules/example.com/b.scrape.yaml", "name: FooExtractor\nfields:\n  title: h1\n"),
            RuleTexts.Inline("rules/example.com/a.scrape.yaml", "name: Foo\nfields:\n  title: h1\n"),
        });

        AssertErrors(
            run,
            "SCR007",
            ("rules/example.com/a.scrape.yaml", 0, 6, 9, "already used by the record 'FooExtractor' of the rule in b.scrape.yaml"),
            ("rules/example.com/b.scrape.yaml", 0, 6, 18, "already used by the extractor 'FooExtractor' of the rule in a.scrape.yaml"));
        Assert.Equal(new[] { "Foo.g.cs", "ScrapeRules.g.cs" }, run.Sources.Keys);
        run.AssertOutputCompilesCleanly();
    }

    [Fact]
    public void Rule_names_differing_only_in_case_are_reported_on_both_files()
    {
        // Roslyn compares hint names ignoring case: emitting both Foo.g.cs and FOO.g.cs made the generator throw.
        var run = GeneratorHarness.Run(new[]
        {
            RuleTexts.Inline("rules/example.com/a.scrape.yaml", "name: Foo\nfields:\n  title: h1\n"),
            RuleTexts.Inline("rules/example.com/b.scrape.yaml", "name: FOO\nfields:\n  title: h1\n"),
        });

        AssertErrors(
            run,
            "SCR007",
            ("rules/example.com/a.scrape.yaml", 0, 6, 9, "the record 'FOO' of the rule in b.scrape.yaml (generated names must differ in more than letter case)"),
            ("rules/example.com/b.scrape.yaml", 0, 6, 9, "the record 'Foo' of the rule in a.scrape.yaml (generated names must differ in more than letter case)"));
        Assert.Equal(new[] { "Foo.g.cs", "ScrapeRules.g.cs" }, run.Sources.Keys);
        run.AssertOutputCompilesCleanly();
    }

    [Fact]
    public void Rules_of_one_name_in_two_site_folders_name_each_other_by_their_path_below_the_rules_root()
    {
        // Every site folder has an article.scrape.yaml: the file name alone would not say which rule is meant.
        var run = GeneratorHarness.Run(new[]
        {
            RuleTexts.Inline("rules/rbc.ru/article.scrape.yaml", "name: RbcArticle\nmatch: { hosts: [rbc.ru] }\nfields:\n  title: h1\n"),
            RuleTexts.Inline("rules/japan.cnet.com/article.scrape.yaml", "name: RbcArticle\nmatch: { hosts: [japan.cnet.com] }\nfields:\n  title: h1\n"),
            RuleTexts.Inline("rules/observer.com/article.scrape.yaml", "name: ObserverArticle\nmatch: { hosts: [observer.com] }\nfields:\n  title: h1\n"),
        });

        AssertErrors(
            run,
            "SCR007",
            ("rules/japan.cnet.com/article.scrape.yaml", 0, 6, 16, "of the rule in rbc.ru/article.scrape.yaml; rename one of them"),
            ("rules/rbc.ru/article.scrape.yaml", 0, 6, 16, "of the rule in japan.cnet.com/article.scrape.yaml; rename one of them"));
        run.AssertOutputCompilesCleanly();
    }

    [Fact]
    public void Nested_record_named_like_its_container_is_reported_at_the_field()
    {
        const string path = "rules/example.com/feed-item.scrape.yaml";
        var run = GeneratorHarness.Run(new[]
        {
            RuleTexts.Inline(path, """
                name: FeedItem
                fields:
                  feed:
                    css: .feed a
                    many: true
                    fields:
                      title: h3

                """),
        });

        AssertSingleError(run, "SCR007", path, line: 2, start: 2, end: 6, "the record that contains it");

        // The rule is emitted as a placeholder without the broken field, so code using the record still binds.
        Assert.Equal(new[] { "FeedItem.g.cs", "ScrapeRules.g.cs" }, run.Sources.Keys);
        Assert.Contains("public sealed partial record FeedItem() :", run.Sources["FeedItem.g.cs"], StringComparison.Ordinal);
        run.AssertOutputCompilesCleanly();
    }

    /// <summary>The run reports exactly these errors of <paramref name="id"/>, in path order.</summary>
    private static void AssertErrors(GeneratorRun run, string id, params (string Path, int Line, int Start, int End, string MessagePart)[] expected)
    {
        var diagnostics = run.Diagnostics.OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Length, diagnostics.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var (path, line, start, end, messagePart) = expected[i];
            Assert.Equal(id, diagnostics[i].Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostics[i].Severity);
            var span = diagnostics[i].Location.GetLineSpan();
            Assert.Equal(path, span.Path);
            Assert.Equal((line, start, line, end), (span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character));
            Assert.Contains(messagePart, diagnostics[i].GetMessage(), StringComparison.Ordinal);
        }
    }

    private static void AssertSingleError(GeneratorRun run, string id, string path, int line, int start, int end, string messagePart)
    {
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal((line, start, line, end), (span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character));
        Assert.Contains(messagePart, diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}
