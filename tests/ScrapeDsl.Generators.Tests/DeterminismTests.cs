using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using ScrapeDsl.Generators.Tests.Driver;
using Xunit;

namespace ScrapeDsl.Generators.Tests;

/// <summary>The same rules give the same bytes, whatever order the compiler hands the files over in.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void Same_rules_in_another_file_order_give_byte_identical_sources_with_lf_newlines()
    {
        var rules = new[]
        {
            RuleTexts.FromRepository("rules/rbc.ru/_common.scrape.yaml"),
            RuleTexts.FromRepository("rules/rbc.ru/article.scrape.yaml"),
            RuleTexts.FromRepository("rules/rbc.ru/home.scrape.yaml"),
            RuleTexts.FromRepository("tests/ScrapeDsl.Generators.Tests/Rules/every-construct.scrape.yaml"),

            // Two files claiming one name: which one is emitted must not depend on the order either.
            RuleTexts.Inline("rules/example.com/a.scrape.yaml", "name: Twin\nfields:\n  title: h1\n"),
            RuleTexts.Inline("rules/example.com/b.scrape.yaml", "name: Twin\nfields:\n  heading: h2\n"),
        };

        var forward = GeneratorHarness.Run(rules);
        var backward = GeneratorHarness.Run(rules.Reverse<AdditionalText>());

        Assert.Equal(new[] { "ProductPage.g.cs", "RbcArticle.g.cs", "RbcHome.g.cs", "ScrapeRules.g.cs", "Twin.g.cs" }, forward.Sources.Keys);
        Assert.Equal(forward.Sources.Keys, backward.Sources.Keys);
        foreach (var (hintName, text) in forward.Sources)
        {
            Assert.True(Encoding.UTF8.GetBytes(text).AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(backward.Sources[hintName])), hintName + " differs between file orders");
            Assert.DoesNotContain('\r', text);
        }

        Assert.Equal(DiagnosticText.Format(forward.Diagnostics), DiagnosticText.Format(backward.Diagnostics));
    }
}
