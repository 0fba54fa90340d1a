using System;
using System.IO;
using System.Text;
using ScrapeDsl.Rules;
using Xunit;

namespace ScrapeDsl.Tests.Language2;

public sealed class EncodingTests
{
    private static readonly Uri s_url = new("https://www.rbc.ru/politics/03/06/2025/683eb8659a7947eb72d0d6d9");

    static EncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Fixture() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rbc.ru", "fixtures", "2025-06-03-politics-south-korea-election.html"));

    [Fact]
    public void A_windows_1251_copy_of_the_RBC_page_extracts_the_same_record()
    {
        // The breadcrumbs' "✅" has no windows-1251 code (it would become "?"), so both copies go without it.
        var html = Fixture().Replace("✅", string.Empty, StringComparison.Ordinal);
        var cp1251 = html.Replace("charset=utf-8", "charset=windows-1251", StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(html, cp1251);
        var bytes = Encoding.GetEncoding(1251).GetBytes(cp1251);

        var fromText = RbcArticleExtractor.Instance.Extract(html, s_url);
        var fromBytes = RbcArticleExtractor.Instance.Extract(bytes, s_url);
        Assert.Equal(ResultJson.Serialize(fromText), ResultJson.Serialize(fromBytes));
        Assert.Equal("В Южной Корее после попытки переворота избрали нового президента", fromBytes.Value!.Title);
    }

    [Fact]
    public void A_charset_given_by_the_caller_decodes_a_page_without_a_meta_charset()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes("<h1 class=article__header__title-in>Заголовок</h1>");
        Assert.Equal("Заголовок", RbcArticleExtractor.Instance.Extract(bytes, s_url, "windows-1251").Partial.Title);
    }

    [Fact]
    public void A_KOI8_R_snippet_is_decoded_by_its_meta_charset()
    {
        var bytes = Encoding.GetEncoding("koi8-r").GetBytes("<html><head><meta charset=\"koi8-r\"></head><body><h1 class=\"article__header__title-in\">Выборы в Корее</h1></body></html>");
        Assert.Equal("Выборы в Корее", RbcArticleExtractor.Instance.Extract(bytes, s_url).Partial.Title);
    }
}
