using System;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;

namespace ScrapeDsl;

/// <summary>
/// A CSS selector parsed once by AngleSharp's own selector parser (the same parser the build-time checks use).
/// Generated extractors hold these in static fields, so no selector is parsed on the extraction path.
/// </summary>
public sealed class Selector
{
    private static readonly CssSelectorParser s_parser = new();

    private Selector(string text, ISelector compiled)
    {
        Text = text;
        Compiled = compiled;
    }

    /// <summary>The selector as written in the rule.</summary>
    public string Text { get; }

    /// <summary>The parsed selector.</summary>
    public ISelector Compiled { get; }

    /// <summary>Parses a selector; throws <see cref="FormatException"/> when it is blank or invalid.</summary>
    /// <remarks>Rules are validated at build time, so a failure here is a bug, not bad input.</remarks>
    public static Selector Parse(string text)
    {
        if (!TryParse(text, out var selector))
        {
            throw new FormatException($"'{text}' is not a valid CSS selector.");
        }

        return selector;
    }

    /// <summary>Parses a selector; false when it is blank or invalid (AngleSharp reads a blank selector as <c>*</c>).</summary>
    public static bool TryParse(string? text, out Selector selector)
    {
        selector = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        ISelector? compiled;
        lock (s_parser)
        {
            compiled = s_parser.ParseSelector(text!);
        }

        if (compiled is null)
        {
            return false;
        }

        selector = new Selector(text!, compiled);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
