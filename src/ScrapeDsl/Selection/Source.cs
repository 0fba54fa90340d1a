using System;

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

/// <summary>Where a source looks for its value.</summary>
public enum SourceKind
{
    /// <summary>A CSS selector (or the scope element itself) and what to read from it.</summary>
    Css,

    /// <summary>The <c>content</c> of <c>&lt;meta name=…&gt;</c> or <c>&lt;meta property=…&gt;</c> anywhere in the page.</summary>
    Meta,

    /// <summary>A dotted path evaluated over every JSON-LD object of the page.</summary>
    JsonLd,

    /// <summary>A microdata <c>itemprop</c> (dotted for nested items) inside the scope element.</summary>
    ItemProp,

    /// <summary>A constant text.</summary>
    Const,
}

/// <summary>
/// One place a field's value can come from: a CSS selector (or the scope element itself when
/// <see cref="Css"/> is null) and what to read from the selected element, or one of the other
/// <see cref="SourceKind"/>s made with <see cref="Meta"/>, <see cref="JsonLd"/>, <see cref="ItemProp"/> and <see cref="Const"/>.
/// A field has one or more sources; the first that yields a non-empty value (after the field's transforms) wins.
/// </summary>
/// <param name="Css">The selector, or null for the scope element itself (fields of nested records).</param>
/// <param name="Value">What to read.</param>
/// <param name="Attribute">The attribute name when <paramref name="Value"/> is <see cref="ValueKind.Attribute"/>.</param>
public sealed record Source(Selector? Css, ValueKind Value = ValueKind.Text, string? Attribute = null)
{
    /// <summary>Where the source looks; <see cref="SourceKind.Css"/> unless made by a factory.</summary>
    public SourceKind Kind { get; private init; } = SourceKind.Css;

    /// <summary>The meta name, JSON-LD path, itemprop path or constant text.</summary>
    public string? Argument { get; private init; }

    /// <summary>For JSON-LD: the parsed path steps.</summary>
    internal string[] Path { get; private init; } = Array.Empty<string>();

    /// <summary>For JSON-LD: only objects whose <c>@type</c> is one of these (empty: any object).</summary>
    public string[] Types { get; private init; } = Array.Empty<string>();

    /// <summary>The <c>content</c> of the first <c>meta</c> whose <c>name</c> or <c>property</c> equals <paramref name="name"/> (ASCII case-insensitive).</summary>
    public static Source Meta(string name) => new((Selector?)null) { Kind = SourceKind.Meta, Argument = name };

    /// <summary>A JSON-LD path such as <c>author.name</c>, optionally only over objects of the given <c>@type</c>s.</summary>
    public static Source JsonLd(string path, params string[] types) =>
        new((Selector?)null) { Kind = SourceKind.JsonLd, Argument = path, Path = path.Split('.'), Types = types ?? Array.Empty<string>() };

    /// <summary>A microdata property such as <c>datePublished</c> or <c>author.name</c> (nested item properties).</summary>
    public static Source ItemProp(string path) =>
        new((Selector?)null) { Kind = SourceKind.ItemProp, Argument = path, Path = path.Split('.') };

    /// <summary>A constant value.</summary>
    public static Source Const(string text) => new((Selector?)null) { Kind = SourceKind.Const, Argument = text };

    /// <summary>Steps applied to this source's values only, before the field's own transforms (null: none).</summary>
    public Transform[]? Transforms { get; private init; }

    /// <summary>This source with its own transform steps (a fallback that needs different cleaning than the primary source).</summary>
    public Source WithTransforms(params Transform[] transforms) => this with { Transforms = transforms is { Length: > 0 } ? transforms : null };

    /// <summary>A short description for problem reports, e.g. <c>css "h1" @content</c> or <c>meta "og:title"</c>.</summary>
    public override string ToString()
    {
        switch (Kind)
        {
            case SourceKind.Meta:
                return "meta \"" + Argument + "\"";
            case SourceKind.JsonLd:
                return "jsonld \"" + Argument + "\"" + (Types.Length == 0 ? string.Empty : " of @type " + string.Join("|", Types));
            case SourceKind.ItemProp:
                return "itemprop \"" + Argument + "\"";
            case SourceKind.Const:
                return "const \"" + Argument + "\"";
        }

        var where = Css is null ? "the item itself" : "css \"" + Css.Text + "\"";
        return Value switch
        {
            ValueKind.Attribute => where + " @" + Attribute,
            ValueKind.Html => where + " (html)",
            _ => where,
        };
    }
}
