using System;
using System.Collections.Generic;
using System.Linq;

namespace ScrapeDsl.Cli.Scaffold;

/// <summary>Where a guessed value can be read: a CSS source (selector + attribute) or, later, a JSON-LD path.</summary>
internal enum SourceKind
{
    /// <summary>A CSS selector, optionally reading an attribute.</summary>
    Css,

    /// <summary>A <c>meta: key</c> source (the path is the key).</summary>
    Meta,

    /// <summary>A schema.org value from the page's JSON-LD (e.g. <c>headline</c>, <c>author.name</c>): used as evidence; written only when <see cref="ScaffoldOptions.EmitJsonLdSources"/> is on.</summary>
    JsonLd,

    /// <summary>Evidence that supports a value but cannot be written as a source (e.g. <c>&lt;title&gt;</c> minus its site suffix).</summary>
    Hint,
}

/// <summary>One source of a guessed field, with the evidence that produced it.</summary>
/// <param name="Kind">CSS or JSON-LD.</param>
/// <param name="Path">The CSS selector, or the JSON-LD path.</param>
/// <param name="Attribute">For CSS: the attribute to read, or null for the element's text.</param>
/// <param name="Evidence">A short human description, e.g. <c>og:title</c> or <c>first h1</c>.</param>
/// <param name="Stability">How likely the selector is to keep working on other pages of the site.</param>
internal sealed record GuessedSource(SourceKind Kind, string Path, string? Attribute, string Evidence, Stability Stability = Stability.Stable)
{
    /// <summary>A <c>date</c> step the source's text needs (a date written as the page shows it), or null.</summary>
    public TextDate? Date { get; init; }

    public static GuessedSource Css(Built selector, string? attribute, string evidence) => new(SourceKind.Css, selector.Css, attribute, evidence, selector.Stability);

    /// <summary>A <c>meta:</c> source when it reads the tag's values, else a selector for the tag.</summary>
    public static GuessedSource Meta(MetaTag tag, string evidence) => tag.ReadByMetaSource
        ? new(SourceKind.Meta, tag.Key, null, evidence)
        : new(SourceKind.Css, tag.Selector, tag.Attribute, evidence);

    /// <summary>True for the kinds a rule can always say (JSON-LD only when switched on).</summary>
    public bool IsWritable(ScaffoldOptions options) => Kind is SourceKind.Css or SourceKind.Meta || (Kind == SourceKind.JsonLd && options.EmitJsonLdSources);

    public static GuessedSource JsonLd(string path) => new(SourceKind.JsonLd, path, null, "JSON-LD " + path);

    public static GuessedSource Hint(string evidence) => new(SourceKind.Hint, string.Empty, null, evidence);
}

/// <summary>A date as a page writes it in text: the .NET format that reads it and the zone its local time is in.</summary>
/// <param name="Format">The custom format, e.g. <c>yyyy年M月d日 H:mm</c>.</param>
/// <param name="TimeZone">The IANA zone, guessed from the page's language.</param>
internal sealed record TextDate(string Format, string TimeZone);

/// <summary>A source together with the value(s) it yields on the page and how much weight its kind of evidence carries.</summary>
internal sealed record Candidate(GuessedSource Source, IReadOnlyList<string> Values, int Strength);

/// <summary>A field of the scaffolded rule: its sources in order (primary first) and why they were chosen.</summary>
internal sealed record FieldGuess(string Name, string Type, bool Many, bool Required, IReadOnlyList<GuessedSource> Sources, string Evidence, IReadOnlyList<string> Sample)
{
    /// <summary>Selectors removed inside this field's element only (e.g. the lead inside the body).</summary>
    public IReadOnlyList<string> Remove { get; init; } = Array.Empty<string>();
}

/// <summary>
/// Picks a field's sources from candidates: candidates are grouped by the value they give (after the field's own
/// normalisation), the group with the most weight wins (several independent pieces of evidence agreeing is what
/// makes a guess strong), and its sources become the primary and the fallbacks, strongest first.
/// </summary>
internal static class Agreement
{
    public const int MaxFallbacks = 3;

    public static FieldGuess? Choose(string name, string type, bool many, bool required, IEnumerable<Candidate> candidates, Func<IReadOnlyList<string>, string?> key, ScaffoldOptions options, Func<string, int>? bonus = null)
    {
        var groups = new List<(string Key, List<Candidate> Members, int Weight, int Order)>();
        var order = 0;
        foreach (var candidate in candidates)
        {
            if (candidate.Values.Count == 0 || key(candidate.Values) is not { } k)
            {
                continue;
            }

            var index = groups.FindIndex(g => g.Key == k);
            if (index < 0)
            {
                groups.Add((k, new List<Candidate> { candidate }, candidate.Strength, order++));
            }
            else if (!groups[index].Members.Exists(m => m.Source.Path == candidate.Source.Path && m.Source.Attribute == candidate.Source.Attribute))
            {
                // One kind of evidence counts once: four "span.published" elements are one witness, not four.
                var group = groups[index];
                var sameKind = group.Members.Where(m => m.Source.Evidence == candidate.Source.Evidence).Select(m => m.Strength).DefaultIfEmpty(0).Max();
                group.Members.Add(candidate);
                groups[index] = (group.Key, group.Members, group.Weight + Math.Max(0, candidate.Strength - sameKind), group.Order);
            }
        }

        // Most weight wins; ties go to the group seen first (candidates are offered strongest kind first).
        foreach (var group in groups.OrderByDescending(g => g.Weight + (bonus?.Invoke(g.Key) ?? 0)).ThenBy(g => g.Order))
        {
            var members = group.Members
                .OrderByDescending(m => m.Source.Kind is SourceKind.Css or SourceKind.Meta)
                .ThenBy(m => m.Source.Stability)
                .ThenByDescending(m => m.Strength)
                .ToList();
            var writable = members.Where(m => m.Source.IsWritable(options)).Take(1 + MaxFallbacks).ToList();
            if (writable.Count == 0)
            {
                continue; // only JSON-LD says this, and JSON-LD sources are switched off
            }

            var evidence = string.Join(" = ", members.Select(m => m.Source.Evidence));
            return new FieldGuess(name, type, many, required, writable.Select(m => m.Source).ToList(), evidence, writable[0].Values);
        }

        return null;
    }
}
