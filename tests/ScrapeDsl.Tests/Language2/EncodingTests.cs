using System;
using System.IO;
using System.Linq;
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

    private const string JapanesePage =
        "<html><head><meta charset=\"Shift_JIS\"><title>ニュース</title></head><body><h1 class=\"article__header__title-in\">日本語の見出し</h1></body></html>";

    [Fact]
    public void A_page_saved_as_UTF_8_whose_meta_still_says_Shift_JIS_is_decoded_as_UTF_8()
    {
        var bytes = Encoding.UTF8.GetBytes(JapanesePage);

        Assert.Equal(JapanesePage, PageText.Decode(bytes));
        Assert.Equal("日本語の見出し", RbcArticleExtractor.Instance.Extract(bytes, s_url).Partial.Title);
    }

    [Fact]
    public void A_page_really_encoded_in_Shift_JIS_is_decoded_by_its_meta_charset()
    {
        var bytes = Encoding.GetEncoding("shift_jis").GetBytes(JapanesePage);
        Assert.False(System.Text.Unicode.Utf8.IsValid(bytes));

        Assert.Equal(JapanesePage, PageText.Decode(bytes));
        Assert.Equal("日本語の見出し", RbcArticleExtractor.Instance.Extract(bytes, s_url).Partial.Title);
    }

    [Fact]
    public void A_page_really_encoded_in_EUC_JP_is_decoded_by_its_meta_charset()
    {
        var page = JapanesePage.Replace("Shift_JIS", "EUC-JP", StringComparison.Ordinal);

        Assert.Equal(page, PageText.Decode(Encoding.GetEncoding("euc-jp").GetBytes(page)));
    }

    [Fact]
    public void A_UTF_8_page_cut_off_inside_its_last_character_is_still_decoded_as_UTF_8()
    {
        var bytes = Encoding.UTF8.GetBytes(JapanesePage + "終");

        var text = PageText.Decode(bytes.AsSpan(0, bytes.Length - 1));

        Assert.StartsWith(JapanesePage, text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ASCII_only_page_is_decoded_by_its_meta_charset()
    {
        // Nothing tells UTF-8 from the meta's encoding here; the meta is believed (entities carry the Japanese text).
        var bytes = Encoding.ASCII.GetBytes("<html><head><meta charset=\"Shift_JIS\"></head><body>&#26085;&#26412;</body></html>");

        Assert.Equal("shift_jis", PageText.DetectEncoding(bytes, null, out _).WebName);
    }

    [Fact]
    public void A_charset_given_by_the_caller_wins_over_valid_UTF_8()
    {
        var bytes = Encoding.UTF8.GetBytes("<p>Привет</p>");

        Assert.Equal("windows-1251", PageText.DetectEncoding(bytes, "windows-1251", out _).WebName);
    }

    [Fact]
    public void A_byte_order_mark_wins_over_everything()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(JapanesePage)).ToArray();

        Assert.Equal(JapanesePage, PageText.Decode(bytes, "windows-1251"));
    }
}
