using System;
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
public static partial class PageText
{
    static PageText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

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

        var head = Encoding.Latin1.GetString(bytes.Slice(0, Math.Min(bytes.Length, 1024)));
        var match = MetaCharset().Match(head);
        return (match.Success ? Lookup(match.Groups["charset"].Value) : null) ?? new UTF8Encoding(false);
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

    private static Encoding? Lookup(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            var encoding = Encoding.GetEncoding(name.Trim());

            // A page that claims UTF-16 in a meta tag was already decoded as ASCII-compatible bytes to read it: the claim is wrong (HTML spec).
            return encoding is UnicodeEncoding ? new UTF8Encoding(false) : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?(?<charset>[A-Za-z0-9._:\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MetaCharset();
}
