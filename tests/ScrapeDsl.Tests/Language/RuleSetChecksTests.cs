using System.Linq;
using Xunit;

namespace ScrapeDsl.Tests.Language;

using ScrapeDsl.Language;

/// <summary>
/// The checks across rule files name the other file by its path below the rules root: every site folder has its
/// <c>article.scrape.yaml</c>, so a file name alone does not say which rule is meant.
/// </summary>
public class RuleSetChecksTests
{
    [Theory]
    [InlineData("/home/author/news/rules/", '/')]
    [InlineData(@"C:\src\news\rules\", '\\')]
    [InlineData("rules/", '/')]
    public void Two_rules_with_one_name_are_reported_on_both_files_each_naming_the_other_by_its_path_below_the_rules_root(string root, char separator)
    {
        // The established rbc.ru rule and a japan.cnet.com rule just renamed to RbcArticle: which one is new, the
        // checker cannot know, so neither file is left without the error.
        var cnet = Summary(root, separator, "japan.cnet.com/article.scrape.yaml", "RbcArticle", "japan.cnet.com");
        var rbc = Summary(root, separator, "rbc.ru/article.scrape.yaml", "RbcArticle", "rbc.ru");
        var observer = Summary(root, separator, "observer.com/article.scrape.yaml", "ObserverArticle", "observer.com");

        var diagnostics = RuleSetChecks.Check(new[] { rbc, observer, cnet });

        Assert.Equal(new[] { cnet.Path, rbc.Path }, diagnostics.Select(d => d.Path));
        Assert.All(diagnostics, d => Assert.Equal("SCR007", d.Id));
        Assert.Equal(
            "Rule name 'RbcArticle' becomes the C# name 'RbcArticle', which is already used by the record 'RbcArticle' of the rule in rbc.ru/article.scrape.yaml; rename one of them",
            diagnostics[0].Message);
        Assert.Equal(
            "Rule name 'RbcArticle' becomes the C# name 'RbcArticle', which is already used by the record 'RbcArticle' of the rule in japan.cnet.com/article.scrape.yaml; rename one of them",
            diagnostics[1].Message);
        Assert.Equal(cnet.NameSpan, diagnostics[0].Span);
        Assert.Equal(rbc.NameSpan, diagnostics[1].Span);
    }

    [Fact]
    public void A_rule_named_like_another_rules_extractor_and_that_rule_name_each_other()
    {
        var foo = Summary("rules/", '/', "a.example/foo.scrape.yaml", "Foo", "a.example");
        var fooExtractor = Summary("rules/", '/', "b.example/foo.scrape.yaml", "FOOExtractor", "b.example");

        var diagnostics = RuleSetChecks.Check(new[] { foo, fooExtractor });

        Assert.Equal(
            new[]
            {
                "Rule name 'Foo' becomes the C# name 'FooExtractor', which is already used by the record 'FOOExtractor' of the rule in b.example/foo.scrape.yaml (generated names must differ in more than letter case); rename one of them",
                "Rule name 'FOOExtractor' becomes the C# name 'FOOExtractor', which is already used by the extractor 'FooExtractor' of the rule in a.example/foo.scrape.yaml (generated names must differ in more than letter case); rename one of them",
            },
            diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void An_ambiguous_dispatch_names_the_winning_rules_file_by_its_path_below_the_rules_root()
    {
        var article = Summary(@"D:\rules\", '\\', "news.example/article.scrape.yaml", "Article", "news.example");
        var wide = Summary(@"D:\rules\", '\\', "example/article.scrape.yaml", "Wide", "*.example");

        var diagnostic = Assert.Single(RuleSetChecks.Check(new[] { article, wide }));

        Assert.Equal("SCR014", diagnostic.Id);
        Assert.Equal(wide.Path, diagnostic.Path);
        Assert.Contains("rule 'Article' in news.example/article.scrape.yaml matches them too", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_in_one_folder_are_named_by_their_file_names()
    {
        var a = Summary("/srv/rules/", '/', "site/a.scrape.yaml", "Article", "a.example");
        var b = Summary("/srv/rules/", '/', "site/b.scrape.yaml", "Article", "b.example");

        var diagnostics = RuleSetChecks.Check(new[] { a, b });

        Assert.EndsWith("of the rule in b.scrape.yaml; rename one of them", diagnostics[0].Message, System.StringComparison.Ordinal);
        Assert.EndsWith("of the rule in a.scrape.yaml; rename one of them", diagnostics[1].Message, System.StringComparison.Ordinal);
    }

    private static RuleSummary Summary(string root, char separator, string relative, string name, string host) => new(
        root + relative.Replace('/', separator),
        name,
        new SourceSpan(6, name.Length, 1, 7, 1, 7 + name.Length),
        new UrlMatch(new EquatableArray<string>(new[] { host }), new EquatableArray<string>(new[] { "/**" }), EquatableArray<string>.Empty, 0));
}
