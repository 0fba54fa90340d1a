using System.Text;
using ScrapeDsl.Language.Yaml;

namespace ScrapeDsl.Language;

/// <summary>
/// YAML starts a comment at " #", so an unquoted <c>css: article #main-text</c> is read as <c>article</c>, silently.
/// Finds such a comment right after a plain selector when it starts like an id selector (<c>#</c> then an identifier
/// character); a comment written as a comment ("# the title") has a space after the <c>#</c> and is left alone.
/// </summary>
internal static class CommentTrap
{
    /// <summary>Where the dropped text starts (the comment's <c>#</c>) and the selector as it was probably meant, quoted; null when there is no trap.</summary>
    public static (SourceSpan Comment, string Quoted)? Find(YamlScalar scalar, string text)
    {
        if (!scalar.IsPlain || scalar.IsNull)
        {
            return null;
        }

        var end = scalar.Span.Start + scalar.Span.Length;
        var hash = end;
        while (hash < text.Length && (text[hash] == ' ' || text[hash] == '\t'))
        {
            hash++;
        }

        // A plain scalar cannot hold " #"; a '#' right after it (no blank between) would be part of it.
        if (hash == end || hash + 1 >= text.Length || text[hash] != '#' || !IsIdentifierChar(text[hash + 1]))
        {
            return null;
        }

        var lineEnd = hash;
        while (lineEnd < text.Length && text[lineEnd] != '\n' && text[lineEnd] != '\r')
        {
            lineEnd++;
        }

        // The span covers what YAML dropped from the selector ("#main-text"), not a real comment written after it.
        var lost = Intended(text.Substring(hash, lineEnd - hash));
        var column = scalar.Span.EndColumn + (hash - end);
        var comment = new SourceSpan(hash, lost.Length, scalar.Span.EndLine, column, scalar.Span.EndLine, column + lost.Length);
        return (comment, Quote(scalar.Value + text.Substring(end, hash - end) + lost));
    }

    // "#main-text   # the body": the id part, without a real comment written after it.
    private static string Intended(string comment)
    {
        var real = comment.IndexOf(" # ", System.StringComparison.Ordinal);
        return (real < 0 ? comment : comment.Substring(0, real)).TrimEnd();
    }

    private static string Quote(string selector)
    {
        if (selector.IndexOf('"') < 0 && selector.IndexOf('\\') < 0)
        {
            return "\"" + selector + "\"";
        }

        return "'" + selector.Replace("'", "''") + "'";
    }

    // CSS identifier characters: what may follow '#' in an id selector.
    private static bool IsIdentifierChar(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c >= 0x80;
}
