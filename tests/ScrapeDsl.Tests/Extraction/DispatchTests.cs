using System;
using ScrapeDsl.Rules;
using Xunit;

namespace ScrapeDsl.Tests.Extraction;

/// <summary>The generated registry picks the RBC rule for a URL, or none.</summary>
public class DispatchTests
{
    [Fact]
    public void Article_url_dispatches_to_the_article_rule()
    {
        Assert.Same(RbcArticleExtractor.Instance, ScrapeRules.Registry.Find(RbcFixtures.ArticleUrl));
    }

    [Fact]
    public void Article_url_on_the_bare_domain_dispatches_to_the_article_rule()
    {
        Assert.Same(RbcArticleExtractor.Instance, ScrapeRules.Registry.Find(new Uri("https://rbc.ru/politics/03/06/2025/683eb8659a7947eb72d0d6d9")));
    }

    [Fact]
    public void Home_page_url_dispatches_to_the_home_rule()
    {
        Assert.Same(RbcHomeExtractor.Instance, ScrapeRules.Registry.Find(RbcFixtures.HomeUrl));
    }

    [Fact]
    public void Url_of_another_site_has_no_rule()
    {
        Assert.Null(ScrapeRules.Registry.Find(new Uri("https://example.com/")));
    }

    [Theory]
    [InlineData("https://www.rbc.ru/wine/29/05/2025/683845389a7947b7e242e1ea")]
    [InlineData("https://www.rbc.ru/wine/news/683845389a7947b7e242e1ea")]
    public void Rbc_wine_article_has_no_rule(string url)
    {
        Assert.Null(ScrapeRules.Registry.Find(new Uri(url)));
    }

    [Fact]
    public void Dispatched_rule_extracts_the_page()
    {
        var extractor = ScrapeRules.Registry.Find(RbcFixtures.ArticleUrl)!;

        var result = extractor.ExtractUntyped(RbcFixtures.Article, RbcFixtures.ArticleUrl);

        Assert.Equal("RbcArticle", result.Rule);
        Assert.True(result.Success);
        Assert.Equal("В Южной Корее после попытки переворота избрали нового президента", ((RbcArticle)result.Partial).Title);
    }
}
