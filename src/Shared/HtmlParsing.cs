using AngleSharp.Html.Parser;

namespace ScrapeDsl.Parsing;

// Shared source: compiled into the runtime (src/ScrapeDsl) and into the language library's example checker, so that a
// page is parsed into the same tree at run time and at build time.

/// <summary>How every page is parsed: by the runtime's <c>PageParser</c> and by the example checks.</summary>
internal static class HtmlParsing
{
    /// <summary>
    /// AngleSharp's parser options for a page. Nothing in the rule language can see where an element stood in the source
    /// or what a comment says (text and sanitized HTML leave comments out; the comment nodes stay, so selectors see the
    /// same tree), so the tokenizer neither tracks the one nor keeps the other: 2–3 % of the parse on the RBC article
    /// (docs/performance.md). <c>ParserOptionsTests</c> checks that every example page gives the same result as with
    /// AngleSharp's defaults.
    /// </summary>
    public static HtmlParserOptions Options => new()
    {
        DisableElementPositionTracking = true,
        SkipComments = true,
    };
}
