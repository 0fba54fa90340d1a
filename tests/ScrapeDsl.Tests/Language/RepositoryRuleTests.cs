using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ScrapeDsl.Tests.Language;

using ScrapeDsl.Language;

/// <summary>The rules shipped in rules/ read cleanly through the same reader the generator uses.</summary>
public class RepositoryRuleTests
{
    public static TheoryData<string> RuleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "rbc.ru"), "*.scrape.yaml").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Shipped_rbc_rule_reads_without_diagnostics(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "rbc.ru", fileName);
        var file = RuleReader.Read(path, File.ReadAllText(path));

        Assert.Empty(file.Diagnostics);
        Assert.NotNull(file.Rule);
    }

    [Fact]
    public void Shipped_rbc_article_rule_is_read_with_its_fields_in_order()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "rbc.ru", "article.scrape.yaml");
        var rule = RuleResolver.ReadFile(path).Rule!;

        Assert.Equal("RbcArticle", rule.Name);
        Assert.Equal(
            new[] { "title", "category", "publishedAt", "authors", "lead", "image", "imageCaption", "imageCredit", "body", "publishedDate", "leadHtml", "tags", "breadcrumbs", "feed", "rates" },
            rule.Fields.Select(f => f.Name));
        Assert.Equal(10, rule.Remove.Count);
    }
}
