using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace ScrapeDsl;

/// <summary>
/// Turns saved page bytes into text: a byte-order mark wins, then a charset the caller knows (e.g. from HTTP), then
/// UTF-8 when the bytes are valid UTF-8 with non-ASCII text in them (whatever the page's meta says), then
/// <c>&lt;meta charset&gt;</c> or <c>http-equiv</c> in the first 1024 bytes (as browsers prescan), else UTF-8.
/// Legacy code pages such as windows-1251, KOI8-R, Shift_JIS and EUC-JP are available.
/// </summary>
/// <remarks>
/// A charset, the caller's or a meta's, is a label of the WHATWG Encoding standard (https://encoding.spec.whatwg.org/),
/// matched as browsers match it (ASCII case-insensitive, surrounding whitespace ignored; <c>latin1</c> and
/// <c>us-ascii</c> are windows-1252 there). A name that is not such a label (UTF-7, UTF-32, EBCDIC code pages such as
/// IBM037, a misspelling) is ignored and detection goes on to the next step, never an exception; so are the labels of
/// the standard's <c>replacement</c> encoding and of ISO-8859-10, -14 and -16, which .NET has no decoder for. UTF-16 named
/// by a meta means UTF-8 (HTML's prescan: the meta was just read from the bytes as ASCII), and so does UTF-16 named by the
/// caller (a UTF-16 page is read by its byte-order mark).
/// </remarks>
public static partial class PageText
{
    private const int Utf8CodePage = 65001;
    private const int Utf16LittleEndianCodePage = 1200;
    private const int Utf16BigEndianCodePage = 1201;

    static PageText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// True when <paramref name="charset"/> is a label this class decodes with (see the remarks on the class); a charset
    /// that is not is ignored by <see cref="Decode"/>. For tools that would rather refuse a misspelt name.
    /// </summary>
    public static bool IsKnownCharset(string? charset) => Lookup(charset) is not null;

    /// <summary>Decodes page bytes as described on the class.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? charset = null)
    {
        var encoding = DetectEncoding(bytes, charset, out var preambleLength);
        return encoding.GetString(bytes.Slice(preambleLength));
    }

    /// <summary>The encoding <see cref="Decode"/> would use.</summary>
    public static Encoding DetectEncoding(ReadOnlySpan<byte> bytes, string? charset, out int preambleLength)
    {
        preambleLength = 0;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            preambleLength = 3;
            return new UTF8Encoding(false);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            preambleLength = 2;
            return Encoding.Unicode;
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            preambleLength = 2;
            return Encoding.BigEndianUnicode;
        }

        if (Lookup(charset) is { } given)
        {
            return given;
        }

        // Tools that save pages often re-encode them to UTF-8 and leave <meta charset="Shift_JIS"> as it was. Non-ASCII
        // text in a legacy encoding is practically never valid UTF-8, so such bytes are UTF-8 whatever the meta says.
        if (IsUtf8WithNonAsciiText(bytes))
        {
            return new UTF8Encoding(false);
        }

        // As the prescan does, a meta whose charset names no encoding (UTF-7, UTF-32, a misspelling) is passed over for the next.
        var head = Encoding.Latin1.GetString(bytes.Slice(0, Math.Min(bytes.Length, 1024)));
        for (var match = MetaCharset().Match(head); match.Success; match = match.NextMatch())
        {
            if (Lookup(match.Groups["charset"].Value) is { } declared)
            {
                return declared;
            }
        }

        return new UTF8Encoding(false);
    }

    /// <summary>True when the bytes hold at least one multi-byte UTF-8 sequence and are valid UTF-8 (a page cut off inside its last character counts).</summary>
    private static bool IsUtf8WithNonAsciiText(ReadOnlySpan<byte> bytes)
    {
        var first = bytes.IndexOfAnyExceptInRange((byte)0x00, (byte)0x7F);
        if (first < 0)
        {
            return false;
        }

        var rest = bytes.Slice(first);
        return Utf8.IsValid(rest) || Utf8.IsValid(WithoutCutLastCharacter(rest));
    }

    // A page saved or downloaded incompletely can end inside a character: drop the lead byte and what follows it.
    private static ReadOnlySpan<byte> WithoutCutLastCharacter(ReadOnlySpan<byte> bytes)
    {
        var lead = bytes.Length - 1;
        while (lead > 0 && bytes.Length - lead <= 3 && (bytes[lead] & 0xC0) == 0x80)
        {
            lead--;
        }

        return lead >= 0 && bytes[lead] >= 0xC0 ? bytes.Slice(0, lead) : bytes;
    }

    /// <summary>The encoding a WHATWG label names, or null when it names none that is used (see the remarks on the class).</summary>
    private static Encoding? Lookup(string? label)
    {
        if (label is null)
        {
            return null;
        }

        // WHATWG "get an encoding": ASCII whitespace around the label is removed and the match is ASCII case-insensitive
        // (OrdinalIgnoreCase on non-ASCII text would also fold letters such as the dotless i into ASCII ones).
        var trimmed = label.AsSpan().Trim(" \t\n\f\r");
        if (trimmed.IsEmpty || trimmed.ContainsAnyExceptInRange('\0', '\x7F') || !s_codePages.TryGetValue(trimmed, out var codePage))
        {
            return null;
        }

        return codePage switch
        {
            Utf8CodePage => new UTF8Encoding(false),

            // A page that claims UTF-16 in a meta tag was already decoded as ASCII-compatible bytes to read it: the claim is
            // wrong (HTML spec). The caller's UTF-16 has always been read the same way.
            Utf16LittleEndianCodePage or Utf16BigEndianCodePage => new UTF8Encoding(false),
            _ => Encoding.GetEncoding(codePage),
        };
    }

    /// <summary>
    /// Every label of the WHATWG Encoding standard (encodings.json) whose encoding .NET decodes, by the code page it is
    /// decoded with. Left out, so that their labels are ignored like unknown names: <c>replacement</c> (csiso2022kr,
    /// hz-gb-2312, iso-2022-cn, iso-2022-cn-ext, iso-2022-kr; a browser shows such a page as one U+FFFD) and ISO-8859-10,
    /// -14 and -16 (no .NET code page). Where .NET's own name for a label means another encoding, the standard wins
    /// (latin1, ascii → windows-1252; euc-kr → windows-949, of which EUC-KR is a part).
    /// </summary>
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> s_codePages = CodePages().GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, int> CodePages()
    {
        (int CodePage, string Labels)[] encodings =
        [
            (Utf8CodePage, "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"),
            (866, "866 cp866 csibm866 ibm866"),
            (28592, "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2"),
            (28593, "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3"),
            (28594, "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4"),
            (28595, "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988"),
            (28596, "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987"),
            (28597, "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek"),
            (28598, "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual"),
            (38598, "csiso88598i iso-8859-8-i logical"),
            (28603, "iso-8859-13 iso8859-13 iso885913"),
            (28605, "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"),
            (20866, "cskoi8r koi koi8 koi8-r koi8_r"),
            (21866, "koi8-ru koi8-u"),
            (10000, "csmacintosh mac macintosh x-mac-roman"),
            (874, "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"),
            (1250, "cp1250 windows-1250 x-cp1250"),
            (1251, "cp1251 windows-1251 x-cp1251"),
            (1252, "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252"),
            (1253, "cp1253 windows-1253 x-cp1253"),
            (1254, "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254"),
            (1255, "cp1255 windows-1255 x-cp1255"),
            (1256, "cp1256 windows-1256 x-cp1256"),
            (1257, "cp1257 windows-1257 x-cp1257"),
            (1258, "cp1258 windows-1258 x-cp1258"),
            (10007, "x-mac-cyrillic x-mac-ukrainian"),
            (936, "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk"),
            (54936, "gb18030"),
            (950, "big5 big5-hkscs cn-big5 csbig5 x-x-big5"),
            (51932, "cseucpkdfmtjapanese euc-jp x-euc-jp"),
            (50220, "csiso2022jp iso-2022-jp"),
            (932, "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"),
            (949, "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949"),
            (Utf16BigEndianCodePage, "unicodefffe utf-16be"),
            (Utf16LittleEndianCodePage, "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le"),

            // HTML's prescan reads x-user-defined as windows-1252; .NET has no decoder of the standard's own for it.
            (1252, "x-user-defined"),
        ];

        var codePages = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (codePage, labels) in encodings)
        {
            foreach (var label in labels.Split(' '))
            {
                codePages.Add(label, codePage);
            }
        }

        return codePages;
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?(?<charset>[A-Za-z0-9._:\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MetaCharset();
}
