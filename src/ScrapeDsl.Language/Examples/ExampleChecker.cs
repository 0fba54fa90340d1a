using System;
using System.Collections.Generic;
using System.Globalization;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;

namespace ScrapeDsl.Language;

/// <summary>
/// Runs a valid rule on its saved example pages at build time and reports what the pages disprove: a required field
/// that yields nothing (SCR016), a selector that matches nothing on every page (SCR017), a scalar selector that matches
/// several elements (SCR018), a remove selector that matches nothing (SCR019), a missing page (SCR015) and an example
/// URL the rule does not match (SCR021). Selection follows the runtime exactly (rule <c>remove</c> as a removed view,
/// first match in document order, first source with a non-empty value wins); what it approximates is in docs/checks.md.
/// </summary>
public static class ExampleChecker
{
    /// <summary>Checks <paramref name="rule"/> (read from <paramref name="rulePath"/>) against its example pages.</summary>
    public static EquatableArray<RuleDiagnostic> Check(string rulePath, Rule rule, IReadOnlyList<ExamplePage> pages) =>
        Run(rulePath, rule, pages).Diagnostics;

    /// <summary>The checks with their per-field trace (for the differential test against the runtime).</summary>
    internal static ExampleRun Run(string rulePath, Rule rule, IReadOnlyList<ExamplePage> pages)
    {
        var run = new ExampleRun(rulePath, rule);
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
/// <param name="SourceIndex">The source that won (0 primary, 1+ fallbacks), or -1 when the field yields nothing.</param>
internal sealed record FieldOutcome(string Page, string Field, int SourceIndex);

/// <summary>The state of one rule's example checks: counters per selector, then diagnostics.</summary>
internal sealed class ExampleRun
{
    private readonly string _path;
    private readonly Rule _rule;
    private readonly List<RuleDiagnostic> _diagnostics = new();
    private readonly Dictionary<SelectorSpec, SelectorUse> _uses = new();
    private readonly List<SelectorUse> _order = new();
    private readonly Dictionary<string, ISelector?> _parsed = new(StringComparer.Ordinal);
    private readonly List<string> _checkedPages = new();

    public ExampleRun(string path, Rule rule)
    {
        _path = path;
        _rule = rule;
    }

    public List<FieldOutcome> Outcomes { get; } = new();

    public EquatableArray<RuleDiagnostic> Diagnostics { get; private set; }

    /// <summary>SCR021: each example URL must be one the rule's <c>match</c> accepts.</summary>
    public void CheckUrls()
    {
        if (!DispatchOverlap.IsBounded(_rule.Match))
        {
            return;
        }

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
            Report(RuleDiagnostics.ExampleMissing, page.Example.PageSpan, name, " (looked for " + page.ResolvedPath + ")");
            return;
        }

        _checkedPages.Add(name);
        var document = ExampleDocument.Parse(page.Html);
        foreach (var remove in _rule.Remove)
        {
            if (Parse(remove) is { } selector)
            {
                var use = Use(remove, SelectorRole.Remove, field: null);
                use.Scopes++;
                use.Total += ExampleDocument.AddMatches(document.Root, selector, alreadyRemoved: null, document.Removed);
            }
        }

        CheckFields(name, document, new List<Scope> { new(document.Root, null) }, _rule.Fields, parentName: null);
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
                    Report(RuleDiagnostics.RemoveMatchesNothing, use.Spec.Span, use.Spec.Text, pages);
                }
                else
                {
                    Report(RuleDiagnostics.StaleSelector, use.Spec.Span, use.Spec.Text, pages);
                }

                if (use.Role == SelectorRole.Scalar && use.MostInOneScope > 1)
                {
                    Report(RuleDiagnostics.SeveralMatches, use.Spec.Span, use.Spec.Text,
                        use.MostInOneScope.ToString(CultureInfo.InvariantCulture), use.MostOnPage!,
                        use.Field!.Contains(".") ? " (in one item)" : string.Empty, use.Field!);
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

    private void CheckFields(string page, ExampleDocument document, List<Scope> scopes, EquatableArray<Field> fields, string? parentName)
    {
        foreach (var field in fields)
        {
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
                        Use(css, role, name).Count(found.Count, page);
                    }
                }

                var winner = field.Type == FieldType.Record
                    ? SelectItems(field, scope, path, matches, items)
                    : FirstYielding(field, scope.Element, matches, document);
                Outcomes.Add(new FieldOutcome(page, path, winner));
                if (winner < 0)
                {
                    missing++;
                }
            }

            if (field.Required && missing > 0)
            {
                var where = parentName is null ? string.Empty : " (in " + missing.ToString(CultureInfo.InvariantCulture) + " of " + scopes.Count.ToString(CultureInfo.InvariantCulture) + " items of '" + parentName + "')";
                Report(RuleDiagnostics.RequiredFieldEmpty, field.NameSpan, name, page, where);
            }

            if (field.Type == FieldType.Record)
            {
                CheckFields(page, document, items, field.Fields, name);
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

    /// <summary>As <c>Page.ReadString</c>/<c>ReadStrings</c>: the first source whose element (or any element, for lists) yields a value.</summary>
    private int FirstYielding(Field field, IElement scope, List<IElement>?[] matches, ExampleDocument document)
    {
        for (var i = 0; i < field.Sources.Count; i++)
        {
            var source = field.Sources[i];
            IReadOnlyList<IElement> elements = source.Css is null
                ? new[] { scope }
                : matches[i] is { } found ? found : Array.Empty<IElement>();
            var limit = field.Many ? elements.Count : Math.Min(1, elements.Count);
            var yielded = false;
            for (var e = 0; e < limit; e++)
            {
                yielded |= Yields(field, source, elements[e], document);
            }

            if (yielded)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>As <c>Page.ReadValue</c>: the field's own <c>remove</c> list is applied inside the element, on top of the rule's.</summary>
    private bool Yields(Field field, Source source, IElement element, ExampleDocument document)
    {
        var removed = document.Removed;
        if (field.Remove.Count > 0)
        {
            removed = new RemovedSet();
            foreach (var spec in field.Remove)
            {
                if (Parse(spec) is { } selector)
                {
                    var use = Use(spec, SelectorRole.Remove, field.Name);
                    use.Scopes++;
                    use.Total += ExampleDocument.AddMatches(element, selector, document.Removed, removed);
                }
            }

            removed.AddAll(document.Removed);
        }

        return ValuePresence.Yields(element, source.Value, source.Attribute, removed);
    }

    private ISelector? Parse(SelectorSpec spec)
    {
        if (!_parsed.TryGetValue(spec.Text, out var selector))
        {
            selector = SelectorCheck.Parse(spec.Text);
            _parsed.Add(spec.Text, selector);
        }

        return selector;
    }

    private SelectorUse Use(SelectorSpec spec, SelectorRole role, string? field)
    {
        if (!_uses.TryGetValue(spec, out var use))
        {
            use = new SelectorUse(spec, role, field);
            _uses.Add(spec, use);
            _order.Add(use);
        }

        return use;
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
    }

    /// <summary>How one selector fared over all scopes of all pages.</summary>
    private sealed class SelectorUse
    {
        public SelectorUse(SelectorSpec spec, SelectorRole role, string? field)
        {
            Spec = spec;
            Role = role;
            Field = field;
        }

        public SelectorSpec Spec { get; }

        public SelectorRole Role { get; }

        public string? Field { get; }

        public int Scopes { get; set; }

        public int Total { get; set; }

        public int MostInOneScope { get; private set; }

        public string? MostOnPage { get; private set; }

        public void Count(int matches, string page)
        {
            Scopes++;
            Total += matches;
            if (matches > MostInOneScope)
            {
                MostInOneScope = matches;
                MostOnPage = page;
            }
        }
    }
}
