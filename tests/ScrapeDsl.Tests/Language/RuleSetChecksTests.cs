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
    public void Two_rules_with_one_name_name_the_other_file_by_its_path_below_the_rules_root(string root, char separator)
    {
        var cnet = Summary(root, separator, "japan.cnet.com/article.scrape.yaml", "RbcArticle", "japan.cnet.com");
        var rbc = Summary(root, separator, "rbc.ru/article.scrape.yaml", "RbcArticle", "rbc.ru");
        var observer = Summary(root, separator, "observer.com/article.scrape.yaml", "ObserverArticle", "observer.com");

        var diagnostic = Assert.Single(RuleSetChecks.Check(new[] { rbc, observer, cnet }));

        Assert.Equal("SCR007", diagnostic.Id);
        Assert.Equal(rbc.Path, diagnostic.Path);
        Assert.Equal(
            "Rule name 'RbcArticle' becomes the C# name 'RbcArticle', which is already used by the record 'RbcArticle' of the rule in japan.cnet.com/article.scrape.yaml; rename one of them",
            diagnostic.Message);
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

        var diagnostic = Assert.Single(RuleSetChecks.Check(new[] { a, b }));

        Assert.EndsWith("of the rule in a.scrape.yaml; rename one of them", diagnostic.Message, System.StringComparison.Ordinal);
    }

    private static RuleSummary Summary(string root, char separator, string relative, string name, string host) => new(
        root + relative.Replace('/', separator),
        name,
        new SourceSpan(6, name.Length, 1, 7, 1, 7 + name.Length),
        new UrlMatch(new EquatableArray<string>(new[] { host }), new EquatableArray<string>(new[] { "/**" }), EquatableArray<string>.Empty, 0));
}
