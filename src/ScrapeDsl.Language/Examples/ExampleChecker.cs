using System;
using System.Collections.Generic;
using System.Globalization;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using ScrapeDsl.Dates;

namespace ScrapeDsl.Language;

/// <summary>
/// Runs a valid rule on its saved example pages at build time and reports what the pages disprove: a required field
/// that yields nothing (SCR016), a selector that matches nothing on every page (SCR017), a scalar selector that matches
/// several elements not all known to give one value (SCR018), a remove selector that matches nothing (SCR019), a
/// missing page (SCR015), an example URL the rule does not match (SCR021), a page too slow to parse (SCR022), a
/// transform step that leaves nothing of what its source reads on every page (SCR023) and a datetime value read as UTC
/// for want of an offset (SCR024).
/// Selection follows the runtime exactly (rule <c>remove</c> as a removed view, first match in document order, first
/// source with a non-empty value wins); what it approximates is in docs/checks.md.
/// </summary>
public static class ExampleChecker
{
    /// <summary>Checks <paramref name="rule"/> (read from <paramref name="rulePath"/>) against its example pages.</summary>
    public static EquatableArray<RuleDiagnostic> Check(string rulePath, Rule rule, IReadOnlyList<ExamplePage> pages) =>
        Run(rulePath, rule, pages).Diagnostics;

    /// <summary>
    /// The checks with their per-field trace (for the differential test against the runtime); each page's parse is
    /// stopped at <paramref name="parseLimit"/> (default <see cref="ExampleDocument.ParseLimit"/>).
    /// </summary>
    internal static ExampleRun Run(string rulePath, Rule rule, IReadOnlyList<ExamplePage> pages, TimeSpan? parseLimit = null)
    {
        var run = new ExampleRun(rulePath, rule, parseLimit ?? ExampleDocument.ParseLimit);
        run.CheckUrls();
        foreach (var page in pages)
        {
            run.Add(page);
        }

        run.Finish();
        return run;
    }
}

/// <summary>What one field gave on one page (for one item of a list), as the runtime would report it.</summary>
/// <param name="Page">The example page as written.</param>
/// <param name="Field">The field path in the runtime's format (<c>title</c>, <c>feed[2].url</c>).</param>
/// <param name="SourceIndex">The source that won (0 primary, 1+ fallbacks), <see cref="Missing"/> or <see cref="Unknown"/>.</param>
internal sealed record FieldOutcome(string Page, string Field, int SourceIndex)
{
    /// <summary>No source yields a value.</summary>
    public const int Missing = -1;

    /// <summary>The build cannot tell (a custom transform, a culture this machine lacks…): nothing is reported about it.</summary>
    public const int Unknown = -2;
}

/// <summary>The state of one rule's example checks: counters per selector, then diagnostics.</summary>
internal sealed class ExampleRun
{
    private readonly string _path;
    private readonly Rule _rule;
    private readonly TimeSpan _parseLimit;
    private readonly List<RuleDiagnostic> _diagnostics = new();
    private readonly Dictionary<SelectorSpec, SelectorUse> _uses = new();
    private readonly List<SelectorUse> _order = new();
    private readonly Dictionary<(string Field, int Source), StepUse> _steps = new();
    private Offsetless? _offsetless;
    private readonly List<StepUse> _stepOrder = new();
    private readonly Dictionary<string, ISelector?> _parsed = new(StringComparer.Ordinal);
    private readonly List<string> _checkedPages = new();

    public ExampleRun(string path, Rule rule, TimeSpan parseLimit)
    {
        _path = path;
        _rule = rule;
        _parseLimit = parseLimit;
    }

    public List<FieldOutcome> Outcomes { get; } = new();

    public EquatableArray<RuleDiagnostic> Diagnostics { get; private set; }

    /// <summary>SCR021: each example URL must be one the rule's <c>match</c> accepts.</summary>
    public void CheckUrls()
    {
        foreach (var example in _rule.Examples)
        {
            if (example.Url is { } text && Uri.TryCreate(text, UriKind.Absolute, out var url) && !UrlMatching.Matches(_rule.Match, url))
            {
                Report(RuleDiagnostics.ExampleUrlNotMatched, example.PageSpan, text, DescribeMatch(_rule.Match));
            }
        }
    }

    public void Add(ExamplePage page)
    {
        var name = page.Example.Page;
        if (page.Html is null)
        {
            Report(RuleDiagnostics.ExampleMissing, page.Example.PageSpan, name, page.Problem is { } problem ? " (" + problem + ")" : " (looked for " + page.ResolvedPath + ")");
            return;
        }

        var (document, stoppedAt) = ExampleDocument.Parse(page.Html, _parseLimit);
        if (stoppedAt is { } at)
        {
            // Checked from the part read in time, the page would report its missing rest as empty fields and stale selectors.
            Report(
                RuleDiagnostics.ExampleTooSlowToParse,
                page.Example.PageSpan,
                name,
                _parseLimit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
                at.ToString("N0", CultureInfo.InvariantCulture),
                page.Html.Length.ToString("N0", CultureInfo.InvariantCulture));
            return;
        }

        _checkedPages.Add(name);
        foreach (var remove in _rule.Remove)
        {
            if (Parse(remove) is { } selector)
            {
                var use = Use(remove, SelectorRole.Remove, field: null, remove.InheritedFrom);
                use.Scopes++;
                use.Total += ExampleDocument.AddMatches(document.Root, selector, alreadyRemoved: null, document.Removed);
            }
        }

        var url = page.Example.Url is { } text && Uri.TryCreate(text, UriKind.Absolute, out var parsed) ? parsed : null;
        var values = new ExampleValues(document, url);
        CheckFields(name, document, values, new List<Scope> { new(document.Root, null) }, _rule.Fields, parentName: null, inheritedFrom: null);
    }

    public void Finish()
    {
        if (_checkedPages.Count > 0)
        {
            var pages = DescribePages();
            foreach (var use in _order)
            {
                if (use.Scopes == 0 || use.Total > 0)
                {
                    // No evidence (its parent never matched), or it matched: nothing to say about staleness.
                }
                else if (use.Role == SelectorRole.Remove)
                {
                    Report(RuleDiagnostics.RemoveMatchesNothing, Where(use.Spec.Span, use.InheritedFrom), use.Spec.Text, pages + WrittenIn(use.Spec.Span, use.InheritedFrom, parenthesized: false));
                }
                else
                {
                    Report(RuleDiagnostics.StaleSelector, Where(use.Spec.Span, use.InheritedFrom), use.Spec.Text, pages + WrittenIn(use.Spec.Span, use.InheritedFrom, parenthesized: false));
                }

                if (use.Role == SelectorRole.Scalar && use.MostInOneScope > 1)
                {
                    Report(RuleDiagnostics.SeveralMatches, Where(use.Spec.Span, use.InheritedFrom), use.Spec.Text,
                        use.MostInOneScope.ToString(CultureInfo.InvariantCulture), use.MostOnPage!,
                        (use.Field!.Contains(".") ? " (in one item)" : string.Empty) + WrittenIn(use.Spec.Span, use.InheritedFrom, parenthesized: true), use.Field!);
                }
            }

            if (_offsetless is { } offsetless)
            {
                Report(RuleDiagnostics.DateTimeWithoutOffset, Where(offsetless.Span, offsetless.InheritedFrom), offsetless.Field, Shorten(offsetless.Value),
                    offsetless.Page + WrittenIn(offsetless.Span, offsetless.InheritedFrom, parenthesized: false));
            }

            foreach (var step in _stepOrder)
            {
                if (!step.Yielded && step.Emptied is { } emptied)
                {
                    Report(RuleDiagnostics.StepGivesNothing, Where(emptied.Step.Span, step.InheritedFrom), Describe(emptied.Step), step.Field,
                        step.Source == 0 ? "its source" : "its fallback " + step.Source.ToString(CultureInfo.InvariantCulture),
                        Shorten(emptied.Value), step.FirstPage! + WrittenIn(emptied.Step.Span, step.InheritedFrom, parenthesized: false));
                }
            }
        }

        _diagnostics.Sort(static (a, b) =>
        {
            var byStart = a.Span.Start.CompareTo(b.Span.Start);
            return byStart != 0 ? byStart : string.CompareOrdinal(a.Id, b.Id);
        });
        Diagnostics = EquatableArray.From(_diagnostics);
    }

    private void CheckFields(string page, ExampleDocument document, ExampleValues values, List<Scope> scopes, EquatableArray<Field> fields, string? parentName, string? inheritedFrom)
    {
        foreach (var field in fields)
        {
            // A field inherited through 'extends' is written in the partial, with everything inside it.
            var origin = field.InheritedFrom ?? inheritedFrom;
            var name = parentName is null ? field.Name : parentName + "." + field.Name;
            var role = field.Many ? SelectorRole.Many : SelectorRole.Scalar;
            var items = new List<Scope>();
            var missing = 0;
            foreach (var scope in scopes)
            {
                var path = scope.Path is null ? field.Name : scope.Path + "." + field.Name;

                // Every selector of the chain is counted in every scope, whether or not the runtime gets to it.
                var matches = new List<IElement>?[field.Sources.Count];
                for (var i = 0; i < matches.Length; i++)
                {
                    if (field.Sources[i].Css is { } css && Parse(css) is { } selector)
                    {
                        var found = ExampleDocument.SelectAll(scope.Element, selector, document.Removed);
                        matches[i] = found;
                        var lost = role == SelectorRole.Scalar && found.Count > 1 && (field.Type == FieldType.Record || !SameValues(field, field.Sources[i], found, document));
                        Use(css, role, name, origin).Count(found.Count, page, lost);
                    }
                }

                var winner = field.Type == FieldType.Record
                    ? SelectItems(field, scope, path, matches, items)
                    : FirstYielding(field, scope.Element, matches, document, values, name, origin, page);
                Outcomes.Add(new FieldOutcome(page, path, winner));
                if (winner == FieldOutcome.Missing)
                {
                    missing++;
                }
            }

            if (field.Required && missing > 0)
            {
                var where = parentName is null ? string.Empty : " (in " + missing.ToString(CultureInfo.InvariantCulture) + " of " + scopes.Count.ToString(CultureInfo.InvariantCulture) + " items of '" + parentName + "')";
                Report(RuleDiagnostics.RequiredFieldEmpty, Where(field.NameSpan, origin), name, page, where + WrittenIn(field.NameSpan, origin, parenthesized: true));
            }

            if (field.Type == FieldType.Record)
            {
                CheckFields(page, document, values, items, field.Fields, name, origin);
            }
        }
    }

    /// <summary>As <c>Page.SelectItem</c>/<c>SelectItems</c>: the first source with a match gives the item(s).</summary>
    private static int SelectItems(Field field, Scope scope, string path, List<IElement>?[] matches, List<Scope> items)
    {
        for (var i = 0; i < field.Sources.Count; i++)
        {
            if (field.Sources[i].Css is null)
            {
                items.Add(new Scope(scope.Element, field.Many ? path + "[0]" : path));
                return i;
            }

            if (matches[i] is { Count: > 0 } found)
            {
                if (!field.Many)
                {
                    items.Add(new Scope(found[0], path));
                    return i;
                }

                for (var index = 0; index < found.Count; index++)
                {
                    items.Add(new Scope(found[index], path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]"));
                }

                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// As <c>Page.ReadString</c>/<c>ReadStrings</c>: the first source that yields a value after its transforms. A source
    /// the build cannot judge ends the search with <see cref="FieldOutcome.Unknown"/>: the runtime may take it.
    /// </summary>
    private int FirstYielding(Field field, IElement scope, List<IElement>?[] matches, ExampleDocument document, ExampleValues values, string name, string? origin, string page)
    {
        var winner = FieldOutcome.Missing;
        for (var i = 0; i < field.Sources.Count; i++)
        {
            var source = field.Sources[i];
            IReadOnlyList<IElement> elements = source.Css is null
                ? new[] { scope }
                : matches[i] is { } found ? found : Array.Empty<IElement>();
            var yielded = values.Run(field, source, scope, elements, element => Read(field, source, element, document, origin), out var candidates, out var emptied, out var given);
            Step(name, i, origin).Count(yielded, emptied, page);
            if (source.Kind is SourceKind.Meta or SourceKind.JsonLd or SourceKind.ItemProp)
            {
                // Not a selector, but as stale when it finds nothing on any page: counted like one.
                Use(new SelectorSpec(Describe(source), source.Span), SelectorRole.Source, name, origin).Count(candidates, page);
            }

            if (winner == FieldOutcome.Missing && yielded != SourceYield.Nothing)
            {
                winner = yielded == SourceYield.Value ? i : FieldOutcome.Unknown;
                if (winner == i && field.Type == FieldType.DateTime && _offsetless is null)
                {
                    CheckOffsets(field, source, given, name, origin, page);
                }
            }
        }

        return winner;
    }

    /// <summary>
    /// As <c>Page.ReadValue</c>: the field's own <c>remove</c> list is applied inside the element, on top of the rule's.
    /// Null for <c>value: html</c> that is present: its sanitized text is not computed here (see docs/checks.md).
    /// </summary>
    private string? Read(Field field, Source source, IElement element, ExampleDocument document, string? origin) =>
        Value(source, element, Removed(field, element, document, origin));

    /// <summary>How many matches <see cref="SameValues"/> compares at most.</summary>
    private const int MaxComparedValues = 16;

    /// <summary>
    /// True when every element gives the same value (before transforms, so the same after them): a page that repeats a
    /// meta tag or a byline. The field then gets that value whichever element comes first, and SCR018 has nothing to
    /// warn of. Sanitized HTML is not computed here, so it never counts as the same; nor do more than
    /// <see cref="MaxComparedValues"/> elements, whose texts (nested wrappers each holding the same text) could cost the
    /// build a square of the page.
    /// </summary>
    private bool SameValues(Field field, Source source, List<IElement> elements, ExampleDocument document)
    {
        if (elements.Count > MaxComparedValues)
        {
            return false;
        }

        var first = Value(source, elements[0], Removed(field, elements[0], document, origin: null, count: false));
        for (var i = 1; first is not null && i < elements.Count; i++)
        {
            if (!string.Equals(first, Value(source, elements[i], Removed(field, elements[i], document, origin: null, count: false)), StringComparison.Ordinal))
            {
                return false;
            }
        }

        return first is not null;
    }

    /// <summary>The page's removed nodes, plus what the field's own <c>remove</c> list takes out inside <paramref name="element"/>; <paramref name="count"/> records the field's remove selectors' matches (SCR019).</summary>
    private RemovedSet Removed(Field field, IElement element, ExampleDocument document, string? origin, bool count = true)
    {
        if (field.Remove.Count == 0)
        {
            return document.Removed;
        }

        var removed = new RemovedSet();
        foreach (var spec in field.Remove)
        {
            if (Parse(spec) is { } selector)
            {
                var matched = ExampleDocument.AddMatches(element, selector, document.Removed, removed);
                if (count)
                {
                    var use = Use(spec, SelectorRole.Remove, field.Name, origin);
                    use.Scopes++;
                    use.Total += matched;
                }
            }
        }

        removed.AddAll(document.Removed);
        return removed;
    }

    private static string? Value(Source source, IElement element, RemovedSet removed) => source.Value switch
    {
        ValueKind.Attribute => ExampleText.NormalizeInline(element.GetAttribute(source.Attribute ?? string.Empty) ?? string.Empty),
        ValueKind.Html => ValuePresence.Yields(element, ValueKind.Html, null, removed) ? null : string.Empty,
        _ => ExampleText.Of(element, removed),
    };

    /// <summary>
    /// SCR024: the value a <c>datetime</c> field takes on a page, read by the runtime's conversion, names no offset and so
    /// is read as UTC. A <c>date</c> step always gives an offset, so a source with one is not judged. The first such value
    /// of the rule is kept for the report (one warning per rule file: the fix is the same for every field).
    /// </summary>
    private void CheckOffsets(Field field, Source source, IReadOnlyList<string?> given, string name, string? origin, string page)
    {
        if (HasDateStep(source.Transforms) || HasDateStep(field.Transforms))
        {
            return;
        }

        foreach (var value in given)
        {
            if (value is not null && DateText.ReadsAsUtcWithoutOffset(value))
            {
                _offsetless = new Offsetless(name, value, page, field.NameSpan, field.InheritedFrom ?? origin);
                return;
            }
        }
    }

    private static bool HasDateStep(EquatableArray<Transform> steps)
    {
        foreach (var step in steps)
        {
            if (step.Kind == TransformKind.Date)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A step as the message names it: its key and what is written after it.</summary>
    private static string Describe(Transform step) => step.Kind switch
    {
        TransformKind.Normalize => "normalize",
        TransformKind.AbsoluteUrl => "absoluteUrl",
        TransformKind.Date => "date '" + string.Join("', '", step.Formats) + "'",
        TransformKind.Number => "number " + step.Text,
        _ => char.ToLowerInvariant(step.Kind.ToString()[0]) + step.Kind.ToString().Substring(1) + " '" + step.Text + "'",
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 60) + "…";

    private static string Describe(Source source) => source.Kind switch
    {
        SourceKind.Meta => "meta: " + source.Argument,
        SourceKind.JsonLd => "jsonld: " + source.Argument + (source.LdTypes.Count == 0 ? string.Empty : " (ldType " + string.Join(", ", source.LdTypes) + ")"),
        _ => "itemprop: " + source.Argument,
    };

    /// <summary>Where a problem with something written at <paramref name="span"/> is reported: there, or for what a partial lends, at the rule's <c>extends</c>.</summary>
    private SourceSpan Where(SourceSpan span, string? inheritedFrom) =>
        inheritedFrom is null ? span : _rule.Extends?.Span ?? _rule.NameSpan;

    /// <summary>For what a partial lends: where it is written, for the message (the diagnostic itself is in the rule's file).</summary>
    private static string WrittenIn(SourceSpan span, string? inheritedFrom, bool parenthesized)
    {
        if (inheritedFrom is null)
        {
            return string.Empty;
        }

        var where = "written in " + FileName(inheritedFrom) + " at line " + span.StartLine.ToString(CultureInfo.InvariantCulture) + ", which this rule extends";
        return parenthesized ? " (" + where + ")" : "; " + where;
    }

    private static string FileName(string path) => path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);

    private ISelector? Parse(SelectorSpec spec)
    {
        if (!_parsed.TryGetValue(spec.Text, out var selector))
        {
            selector = SelectorCheck.Parse(spec.Text);
            _parsed.Add(spec.Text, selector);
        }

        return selector;
    }

    private SelectorUse Use(SelectorSpec spec, SelectorRole role, string? field, string? inheritedFrom)
    {
        if (!_uses.TryGetValue(spec, out var use))
        {
            use = new SelectorUse(spec, role, field, inheritedFrom);
            _uses.Add(spec, use);
            _order.Add(use);
        }

        return use;
    }

    private StepUse Step(string field, int source, string? inheritedFrom)
    {
        if (!_steps.TryGetValue((field, source), out var step))
        {
            step = new StepUse(field, source, inheritedFrom);
            _steps.Add((field, source), step);
            _stepOrder.Add(step);
        }

        return step;
    }

    private string DescribePages() => _checkedPages.Count == 1
        ? "checked on " + _checkedPages[0]
        : "checked on " + _checkedPages.Count.ToString(CultureInfo.InvariantCulture) + " pages: " + string.Join(", ", _checkedPages);

    private static string DescribeMatch(UrlMatch match)
    {
        var parts = new List<string>();
        if (match.Hosts.Count > 0)
        {
            parts.Add("hosts " + string.Join(", ", match.Hosts));
        }

        if (match.Paths.Count > 0)
        {
            parts.Add("paths " + string.Join(", ", match.Paths));
        }

        if (match.Exclude.Count > 0)
        {
            parts.Add("exclude " + string.Join(", ", match.Exclude));
        }

        return parts.Count == 0 ? "any URL" : string.Join("; ", parts);
    }

    private void Report(RuleDiagnosticDescriptor descriptor, SourceSpan span, params object[] args) =>
        _diagnostics.Add(RuleDiagnostics.Create(descriptor, _path, span, args));

    private readonly struct Scope
    {
        public Scope(IElement element, string? path)
        {
            Element = element;
            Path = path;
        }

        public IElement Element { get; }

        /// <summary>The runtime's path of this scope (<c>feed[2]</c>), or null for the page.</summary>
        public string? Path { get; }
    }

    private enum SelectorRole
    {
        Scalar,
        Many,
        Remove,

        /// <summary>A <c>meta</c>, <c>jsonld</c> or <c>itemprop</c> source: stale when it finds nothing; never "several".</summary>
        Source,
    }

    /// <summary>How one selector fared over all scopes of all pages.</summary>
    private sealed class SelectorUse
    {
        public SelectorUse(SelectorSpec spec, SelectorRole role, string? field, string? inheritedFrom)
        {
            Spec = spec;
            Role = role;
            Field = field;
            InheritedFrom = inheritedFrom;
        }

        /// <summary>The partial file this is written in, when the rule inherits it.</summary>
        public string? InheritedFrom { get; }

        public SelectorSpec Spec { get; }

        public SelectorRole Role { get; }

        public string? Field { get; }

        public int Scopes { get; set; }

        public int Total { get; set; }

        /// <summary>The most matches in one scope not all known to give the same value (see <see cref="Count"/>).</summary>
        public int MostInOneScope { get; private set; }

        public string? MostOnPage { get; private set; }

        /// <param name="matches">The selector's matches in one scope.</param>
        /// <param name="page">The example page.</param>
        /// <param name="lost">A scalar field would take the first of them, and the others are not all known to give its value (SCR018).</param>
        public void Count(int matches, string page, bool lost = false)
        {
            Scopes++;
            Total += matches;
            if (lost && matches > MostInOneScope)
            {
                MostInOneScope = matches;
                MostOnPage = page;
            }
        }
    }
}

/// <summary>
/// One source of a field across the example pages, for SCR023: whether its transforms ever let a value through, and the
/// first step that left nothing of the values the source read.
/// </summary>
internal sealed class StepUse
{
    public StepUse(string field, int source, string? inheritedFrom)
    {
        Field = field;
        Source = source;
        InheritedFrom = inheritedFrom;
    }

    public string Field { get; }

    /// <summary>The source's place in the field: 0 the primary, 1+ a fallback.</summary>
    public int Source { get; }

    public string? InheritedFrom { get; }

    /// <summary>True once the source gave a value on some page, or the build could not tell.</summary>
    public bool Yielded { get; private set; }

    /// <summary>The first step that emptied the source's values, and the page it did so on.</summary>
    public EmptiedBy? Emptied { get; private set; }

    public string? FirstPage { get; private set; }

    public void Count(SourceYield yielded, EmptiedBy? emptied, string page)
    {
        if (yielded != SourceYield.Nothing)
        {
            Yielded = true;
        }
        else if (emptied is not null && Emptied is null)
        {
            Emptied = emptied;
            FirstPage = page;
        }
    }
}

/// <summary>A <c>datetime</c> value without an offset on an example page (SCR024), where it came from.</summary>
internal sealed record Offsetless(string Field, string Value, string Page, SourceSpan Span, string? InheritedFrom);
