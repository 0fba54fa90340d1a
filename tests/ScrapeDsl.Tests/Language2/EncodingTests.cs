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

    [Theory]
    [InlineData("utf-7")] // .NET refuses to decode it (NotSupportedException)
    [InlineData("UTF-32")]
    [InlineData("IBM037")] // EBCDIC
    [InlineData("x-no-such-charset")]
    public void A_meta_charset_that_is_not_an_encoding_of_the_WHATWG_standard_is_ignored(string charset)
    {
        var page = "<meta charset='" + charset + "'><title>x</title>";

        Assert.Equal("utf-8", PageText.DetectEncoding(Encoding.ASCII.GetBytes(page), null, out _).WebName);
        Assert.Equal(page, PageText.Decode(Encoding.ASCII.GetBytes(page)));
    }

    [Fact]
    public void A_meta_charset_that_names_no_encoding_is_passed_over_for_the_next_meta()
    {
        // As HTML's prescan: the first meta that names an encoding of the standard decides.
        var page = "<meta charset=\"utf-7\"><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><h1 class=\"article__header__title-in\">Выборы</h1>";

        Assert.Equal(page, PageText.Decode(Encoding.GetEncoding("koi8-r").GetBytes(page)));
    }

    [Theory]
    [InlineData("utf-7")]
    [InlineData("utf-32")]
    [InlineData("IBM037")]
    [InlineData("windows1251")] // a misspelling was ignored before as well
    public void A_charset_given_by_the_caller_that_is_not_an_encoding_of_the_WHATWG_standard_is_ignored(string charset)
    {
        // The next step decides: here the page's own meta.
        var bytes = Encoding.GetEncoding(1251).GetBytes("<meta charset=\"windows-1251\"><h1 class=article__header__title-in>Заголовок</h1>");

        Assert.Equal("windows-1251", PageText.DetectEncoding(bytes, charset, out _).WebName);
        Assert.Equal("Заголовок", RbcArticleExtractor.Instance.Extract(bytes, s_url, charset).Partial.Title);
    }

    [Theory]
    [InlineData(" \tKOI8-R\n", "koi8-r")] // ASCII whitespace around a label and ASCII case do not matter
    [InlineData("latin1", "windows-1252")] // the standard's latin1 and ASCII are windows-1252, as in browsers
    [InlineData("iso-8859-1", "windows-1252")]
    [InlineData("us-ascii", "windows-1252")]
    [InlineData("x-user-defined", "windows-1252")] // as HTML's prescan reads it
    [InlineData("utf-16le", "utf-8")] // a meta naming UTF-16 was read as ASCII bytes: HTML's prescan takes UTF-8
    [InlineData("utf-16be", "utf-8")]
    [InlineData("unicode", "utf-8")]
    [InlineData("iso-2022-kr", "utf-8")] // the standard's replacement encoding: ignored
    [InlineData("iso-8859-10", "utf-8")] // in the standard, but .NET has no decoder for it: ignored
    [InlineData("lat\u0131n1", "utf-8")] // a dotless i is not an ASCII 'i'
    [InlineData("unicode11utf8", "utf-8")]
    [InlineData("cp866", "cp866")]
    [InlineData("latin2", "iso-8859-2")]
    [InlineData("iso-8859-3", "iso-8859-3")]
    [InlineData("iso-8859-4", "iso-8859-4")]
    [InlineData("cyrillic", "iso-8859-5")]
    [InlineData("arabic", "iso-8859-6")]
    [InlineData("greek", "iso-8859-7")]
    [InlineData("hebrew", "iso-8859-8")]
    [InlineData("logical", "iso-8859-8-i")]
    [InlineData("iso8859-13", "iso-8859-13")]
    [InlineData("l9", "iso-8859-15")]
    [InlineData("koi8-ru", "koi8-u")]
    [InlineData("mac", "macintosh")]
    [InlineData("tis-620", "windows-874")]
    [InlineData("x-cp1250", "windows-1250")]
    [InlineData("cp1251", "windows-1251")]
    [InlineData("cp1253", "windows-1253")]
    [InlineData("latin5", "windows-1254")]
    [InlineData("cp1255", "windows-1255")]
    [InlineData("cp1256", "windows-1256")]
    [InlineData("cp1257", "windows-1257")]
    [InlineData("cp1258", "windows-1258")]
    [InlineData("x-mac-ukrainian", "x-mac-cyrillic")]
    [InlineData("gbk", "gb2312")]
    [InlineData("gb18030", "gb18030")]
    [InlineData("big5-hkscs", "big5")]
    [InlineData("x-euc-jp", "euc-jp")]
    [InlineData("csiso2022jp", "iso-2022-jp")]
    [InlineData("ms932", "shift_jis")]
    [InlineData("euc-kr", "ks_c_5601-1987")] // the standard's EUC-KR is windows-949, which .NET names so
    public void A_charset_is_read_as_a_label_of_the_WHATWG_standard(string label, string webName)
    {
        // The caller's charset, then the same label in a meta.
        Assert.Equal(webName, PageText.DetectEncoding(Encoding.ASCII.GetBytes("<p>x</p>"), label, out _).WebName);
        Assert.Equal(webName, PageText.DetectEncoding(Encoding.ASCII.GetBytes("<meta charset=\"" + label.Trim() + "\">"), null, out _).WebName);
    }

    [Fact]
    public void A_byte_order_mark_wins_over_everything()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(JapanesePage)).ToArray();

        Assert.Equal(JapanesePage, PageText.Decode(bytes, "windows-1251"));
    }
}
