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

    private SelectorFilter? _filter;

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

    /// <summary>
    /// The same answer as <c>Compiled.Match(element, scope)</c>, sooner: class selectors are read from the class attribute
    /// instead of the class lists AngleSharp builds, the rest of each compound is left to AngleSharp, and the combinators
    /// are walked here (<see cref="ClassSelectors"/>); a selector that cannot be split so is handed to AngleSharp whole,
    /// once the cheap key test has not ruled the element out.
    /// </summary>
    internal bool Matches(AngleSharp.Dom.IElement element, AngleSharp.Dom.IElement? scope)
    {
        var filter = Filter;
        if (filter.ClassSelectors is { } classSelectors)
        {
            return classSelectors.Match(element) ?? Compiled.Match(element, scope);
        }

        return filter.MayMatch(element) && Compiled.Match(element, scope);
    }

    /// <summary>Like <see cref="Matches"/> for an element already known to carry the selector's keys (the index's candidates).</summary>
    internal bool MatchesCandidate(AngleSharp.Dom.IElement element, AngleSharp.Dom.IElement? scope) =>
        Filter.ClassSelectors?.Match(element) ?? Compiled.Match(element, scope);

    internal SelectorFilter Filter => _filter ??= SelectorFilter.For(Text, static rest => TryParse(rest, out var selector) ? selector.Compiled : null);

    /// <inheritdoc />
    public override string ToString() => Text;
}
