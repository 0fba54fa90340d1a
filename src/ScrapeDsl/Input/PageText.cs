using System;
using System.Text;
using System.Text.RegularExpressions;

namespace ScrapeDsl;

/// <summary>
/// Turns saved page bytes into text: a byte-order mark wins, then a charset the caller knows (e.g. from HTTP),
/// then <c>&lt;meta charset&gt;</c> or <c>http-equiv</c> in the first 1024 bytes (as browsers prescan), else UTF-8.
/// Legacy code pages such as windows-1251 and KOI8-R are available.
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

        var head = Encoding.Latin1.GetString(bytes.Slice(0, Math.Min(bytes.Length, 1024)));
        var match = MetaCharset().Match(head);
        return (match.Success ? Lookup(match.Groups["charset"].Value) : null) ?? new UTF8Encoding(false);
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
