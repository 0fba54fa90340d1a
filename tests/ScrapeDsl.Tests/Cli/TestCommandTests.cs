using System;
using System.IO;
using Xunit;

namespace ScrapeDsl.Tests.Cli;

/// <summary><c>scrape test</c> with one broken rule among good ones: the broken one is reported, the others still run.</summary>
[Collection("Console")]
public sealed class TestCommandTests : IDisposable
{
    private readonly string _rules = Path.Combine(Path.GetTempPath(), "scrape-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_rules, recursive: true);

    [Fact]
    public void A_broken_rule_is_reported_and_the_other_rules_examples_still_run()
    {
        var good = Path.Combine(_rules, "good.example");
        Directory.CreateDirectory(Path.Combine(good, "fixtures"));
        File.WriteAllText(Path.Combine(good, "article.scrape.yaml"),
            "name: GoodArticle\nmatch: { hosts: [good.example] }\nfields:\n  title: h1\nexamples:\n  - page: fixtures/page.html\n    url: https://good.example/a\n");
        File.WriteAllText(Path.Combine(good, "fixtures", "page.html"), "<h1>Title</h1>");
        var broken = Path.Combine(_rules, "broken.example");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "article.scrape.yaml"), "name: BrokenArticle\nmatch: { hosts: [broken.example] }\nbogus: 1\nfields:\n  title: h1\n");

        var (exit, output, error) = ConsoleCollection.Scrape("test", _rules);

        Assert.Equal(2, exit);
        Assert.Contains("article.scrape.yaml(3,1): error SCR002", error, StringComparison.Ordinal);
        Assert.Contains("1 rule file(s) with errors above were not tested", error, StringComparison.Ordinal);
        Assert.Contains("good.example", output, StringComparison.Ordinal); // the good rule's example ran (no snapshot yet: a failure)
        Assert.Contains("0 of 1 examples match", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(good, "fixtures", "page.received.json")));
    }
}
