namespace ScrapeDsl.Text;

// Shared source: compiled into the runtime (src/ScrapeDsl, TextContent) and into the language library's example checker
// (ExampleText, ValuePresence), so that an element starts a line or hides its text in the same cases at run time and at
// build time.

/// <summary>The element lists of <c>value: text</c>, by local name, compared ignoring case.</summary>
internal static class TextElements
{
    /// <summary>Elements that stand on lines of their own: paragraphs, headings, list items, table cells, <c>br</c>…</summary>
    public static readonly string[] Blocks =
    {
        "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
        "pre", "section", "summary", "table", "td", "th", "tr", "ul",
    };

    /// <summary>Elements whose contents a reader does not see as text: scripts, styles, templates, embedded documents, SVG.</summary>
    public static readonly string[] Invisible =
    {
        "script", "style", "noscript", "template", "iframe", "object", "head", "title", "svg",
    };
}
