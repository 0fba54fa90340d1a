using System;
using AngleSharp.Dom;
using Xunit;

namespace ScrapeDsl.Tests.Runtime;

/// <summary>Dispatch by URL: among the rules that match, the highest priority wins, then the ordinally first name.</summary>
public class RegistryTests
{
    private static readonly Uri s_url = new("https://www.rbc.ru/politics/03/06/2025/683eb8659a7947eb72d0d6d9");

    [Fact]
    public void Highest_priority_rule_that_matches_wins()
    {
        var registry = new ExtractorRegistry(new[] { new Fake("Generic", 0), new Fake("Special", 10), new Fake("Other", 20, matches: false) });

        Assert.Equal("Special", registry.Find(s_url)?.RuleName);
    }

    [Fact]
    public void Equal_priorities_go_to_the_ordinally_first_rule_name()
    {
        // Ordinal: 'B' (66) sorts before 'a' (97), unlike culture-aware comparison.
        var registry = new ExtractorRegistry(new[] { new Fake("alpha", 0), new Fake("Beta", 0) });

        Assert.Equal("Beta", registry.Find(s_url)?.RuleName);
    }

    [Fact]
    public void Choice_does_not_depend_on_the_order_rules_are_given_in()
    {
        var forward = new ExtractorRegistry(new[] { new Fake("A", 1), new Fake("B", 1), new Fake("C", 2) });
        var backward = new ExtractorRegistry(new[] { new Fake("C", 2), new Fake("B", 1), new Fake("A", 1) });

        Assert.Equal(new[] { "C", "A", "B" }, Names(forward));
        Assert.Equal(Names(forward), Names(backward));
    }

    [Fact]
    public void Url_no_rule_matches_finds_nothing()
    {
        var registry = new ExtractorRegistry(new[] { new Fake("A", 0, matches: false) });

        Assert.Null(registry.Find(s_url));
    }

    [Fact]
    public void Rule_is_found_by_its_record_name()
    {
        var registry = new ExtractorRegistry(new[] { new Fake("RbcArticle", 0), new Fake("RbcHome", 0) });

        Assert.Equal("RbcHome", registry.Get("RbcHome")?.RuleName);
        Assert.Null(registry.Get("rbchome"));
    }

    private static string[] Names(ExtractorRegistry registry)
    {
        var names = new string[registry.All.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = registry.All[i].RuleName;
        }

        return names;
    }

    private sealed class Fake(string name, int priority, bool matches = true) : IExtractor
    {
        public string RuleName => name;

        public int Priority => priority;

        public bool Matches(Uri url) => matches;

        public IExtractionResult ExtractUntyped(string html, Uri? url) => throw new NotSupportedException();

        public IExtractionResult ExtractUntyped(IDocument document, Uri? url) => throw new NotSupportedException();

        public IExtractionResult ExtractUntyped(ParsedDocument page, Uri? url) => throw new NotSupportedException();
    }
}
