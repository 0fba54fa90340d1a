namespace ScrapeDsl;

/// <summary>What a source reads from the element it selects.</summary>
public enum ValueKind
{
    /// <summary>The element's text, whitespace normalised, block elements kept as line breaks.</summary>
    Text,

    /// <summary>The element's inner HTML, sanitized.</summary>
    Html,

    /// <summary>The value of one attribute, whitespace normalised.</summary>
    Attribute,
}

/// <summary>
/// One place a field's value can come from: a CSS selector (or the scope element itself when
/// <see cref="Css"/> is null) and what to read from the selected element.
/// A field has one or more sources; the first that yields a non-empty value wins.
/// </summary>
/// <param name="Css">The selector, or null for the scope element itself (fields of nested records).</param>
/// <param name="Value">What to read.</param>
/// <param name="Attribute">The attribute name when <paramref name="Value"/> is <see cref="ValueKind.Attribute"/>.</param>
public sealed record Source(Selector? Css, ValueKind Value = ValueKind.Text, string? Attribute = null)
{
    /// <summary>A short description for problem reports, e.g. <c>css "h1" @content</c>.</summary>
    public override string ToString()
    {
        var where = Css is null ? "the item itself" : "css \"" + Css.Text + "\"";
        return Value switch
        {
            ValueKind.Attribute => where + " @" + Attribute,
            ValueKind.Html => where + " (html)",
            _ => where,
        };
    }
}
