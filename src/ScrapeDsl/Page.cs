using System;
using System.Collections.Generic;
using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

using ScrapeDsl.Parsing;

namespace ScrapeDsl;

/// <summary>
/// One page being read by one rule: the document, its URLs, the rule-level <c>remove</c> list applied as a
/// removed view (the document is never changed), and the per-field report. Generated extractors and the
/// interpreter read every field through this class, so both give a rule the same meaning.
/// </summary>
/// <remarks>
/// Order of operations: parse → rule <c>remove</c> → fields in declared order → per field: sources in order
/// (first non-empty value wins) → field <c>remove</c> → value (text, html or attribute) → transforms → type conversion.
/// Sources other than CSS and the transform pipeline live in <c>Page.Sources.cs</c>.
/// </remarks>
public sealed partial class Page
{
    /// <summary>
    /// The options every <c>Parse</c> gives AngleSharp's parser (through <see cref="PageParser"/>, which adds a time
    /// limit), and the example checks too; give them to your own <see cref="HtmlParser"/>, or use
    /// <see cref="PageParser.Parse(string)"/>, when you parse pages yourself and pass the documents to
    /// <see cref="Open(IDocument, Uri?, PagePlan)"/> (or an extractor's <c>Extract(IDocument, …)</c>). Element positions
    /// and comment text are left out: nothing in the rule language can see them, and not keeping them takes 2–3 % off
    /// the parse (docs/performance.md).
    /// </summary>
    public static HtmlParserOptions ParserOptions => HtmlParsing.Options;

    private readonly RemovedView _removed = new();
    private readonly List<FieldProblem> _problems = new();
    private List<TieredRegex>? _timedOut;
    private IElement? _lastTextElement;
    private string? _lastText;

    // Set when the page was opened with a PagePlan: the remove list applied and every top-level selector matched in one walk.
    private readonly PageIndex? _index;

    private Page(IDocument document, Uri? url, IReadOnlyList<Selector> remove, string? stopped = null)
    {
        ReportStopped(stopped);
        Document = document;
        Url = url;
        var root = document.DocumentElement;
        Root = root;
        BaseUri = FindBase(document, url);
        if (remove.Count > 0)
        {
            _removed.AddMatches(root, remove, alreadyRemoved: null);
        }
    }

    private Page(IDocument document, Uri? url, PagePlan plan, string? stopped = null)
    {
        ReportStopped(stopped);
        Document = document;
        Url = url;
        var root = document.DocumentElement;
        Root = root;
        BaseUri = FindBase(document, url);
        _index = PageIndex.Build(root, plan, _removed);
    }

    /// <summary>The parsed document. Never modified by extraction.</summary>
    public IDocument Document { get; }

    /// <summary>The root element (<c>html</c>), the scope of top-level fields.</summary>
    public IElement Root { get; }

    /// <summary>The page URL given by the caller.</summary>
    public Uri? Url { get; }

    /// <summary>What relative URLs resolve against: <c>&lt;base href&gt;</c> (itself resolved against the page URL), else the page URL.</summary>
    public Uri? BaseUri { get; }

    /// <summary>True once a fallback was read from the plan's index, which walks the page again for the fallbacks (tests).</summary>
    internal bool FallbacksWalked => _index is { FallbacksWalked: true };

    /// <summary>The problems reported so far, in the order fields were read.</summary>
    public IReadOnlyList<FieldProblem> Problems => _problems;

    /// <summary>
    /// Parses HTML text (AngleSharp, HTML5 rules: any input gives a document; <see cref="PageParser"/>: a parse that runs
    /// past <see cref="PageParser.TimeLimit"/> is stopped and reported as a <see cref="ProblemKind.ParseStopped"/> error)
    /// and applies the rule's remove list.
    /// </summary>
    public static Page Parse(string html, Uri? url, IReadOnlyList<Selector> remove)
    {
        var parsed = PageParser.Parse(html ?? string.Empty);
        return new(parsed.Document, url, remove, parsed.StopMessage);
    }

    /// <summary>Reads a document the caller owns; it is not modified (removals are a view).</summary>
    public static Page Open(IDocument document, Uri? url, IReadOnlyList<Selector> remove) =>
        new(document ?? throw new ArgumentNullException(nameof(document)), url, remove);

    /// <summary>
    /// Parses HTML text (as the overload above: with a time limit) and applies the plan's remove list; the plan's
    /// top-level selectors are matched in the same walk.
    /// </summary>
    public static Page Parse(string html, Uri? url, PagePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var parsed = PageParser.Parse(html ?? string.Empty);
        return new(parsed.Document, url, plan, parsed.StopMessage);
    }

    /// <summary>Reads a document the caller owns with a plan (see <see cref="Parse(string, Uri?, PagePlan)"/>); it is not modified.</summary>
    public static Page Open(IDocument document, Uri? url, PagePlan plan) =>
        new(document ?? throw new ArgumentNullException(nameof(document)), url, plan ?? throw new ArgumentNullException(nameof(plan)));

    /// <summary>
    /// Reads a page the caller parsed with <see cref="PageParser"/> (to look at it first: its canonical link, say), with a
    /// plan; a parse stopped at its time limit is reported as in <see cref="Parse(string, Uri?, PagePlan)"/>.
    /// </summary>
    public static Page Open(ParsedDocument page, Uri? url, PagePlan plan) =>
        new(page.Document ?? throw new ArgumentNullException(nameof(page)), url, plan ?? throw new ArgumentNullException(nameof(plan)), page.StopMessage);

    /// <summary>Reads a scalar text field: the first source whose first match yields a non-empty value.</summary>
    /// <returns>The value, or null when no source yields one (reported as missing).</returns>
    public string? ReadString(IElement scope, FieldRef field, Source[] sources, Selector[]? remove, bool required, Transform[]? transforms = null)
    {
        for (var i = 0; i < sources.Length; i++)
        {
            var source = sources[i];
            if (source.Kind != SourceKind.Css || transforms is not null || source.Transforms is not null)
            {
                if (ReadFirst(scope, source, remove, transforms) is { } transformed)
                {
                    ReportFallback(field, sources, i);
                    return transformed;
                }

                continue;
            }

            var element = source.Css is null ? scope : SelectFirst(scope, source.Css);
            if (element is null)
            {
                continue;
            }

            var value = ReadValue(element, source, remove);
            if (value.Length > 0)
            {
                ReportFallback(field, sources, i);
                return value;
            }
        }

        ReportMissing(field, required);
        return null;
    }

    /// <summary>Reads a list text field: every non-empty value of the first source that yields at least one.</summary>
    public IReadOnlyList<string> ReadStrings(IElement scope, FieldRef field, Source[] sources, Selector[]? remove, bool required, Transform[]? transforms = null)
    {
        for (var i = 0; i < sources.Length; i++)
        {
            if (sources[i].Kind != SourceKind.Css || transforms is not null || sources[i].Transforms is not null)
            {
                if (ReadEvery(scope, sources[i], remove, transforms) is { } transformed)
                {
                    ReportFallback(field, sources, i);
                    return transformed;
                }

                continue;
            }

            List<string>? values = null;
            foreach (var element in SelectAll(scope, sources[i]))
            {
                var value = ReadValue(element, sources[i], remove);
                if (value.Length > 0)
                {
                    (values ??= new List<string>()).Add(value);
                }
            }

            if (values is not null)
            {
                ReportFallback(field, sources, i);
                return values;
            }
        }

        ReportMissing(field, required);
        return Array.Empty<string>();
    }

    /// <summary>Reads a scalar field of a value type: <see cref="ReadString"/> then <paramref name="convert"/>.</summary>
    public T? Read<T>(IElement scope, FieldRef field, Source[] sources, Selector[]? remove, bool required, TryConvert<T> convert, Transform[]? transforms = null)
        where T : struct =>
        Convert(field, ReadString(scope, field, sources, remove, required, transforms), required, convert);

    /// <summary>Reads a list field of a value type: <see cref="ReadStrings"/> then <paramref name="convert"/> on each.</summary>
    public IReadOnlyList<T> ReadAll<T>(IElement scope, FieldRef field, Source[] sources, Selector[]? remove, bool required, TryConvert<T> convert, Transform[]? transforms = null) =>
        ConvertAll(field, ReadStrings(scope, field, sources, remove, required, transforms), required, convert);

    /// <summary>Reads a scalar URL field, resolved against <see cref="BaseUri"/>.</summary>
    public Uri? ReadUrl(IElement scope, FieldRef field, Source[] sources, Selector[]? remove, bool required, Transform[]? transforms = null) =>
        ToUrl(field, ReadString(scope, field, sources, remove, required, transforms), required);

    /// <summary>Reads a list URL field, each resolved against <see cref="BaseUri"/>.</summary>
    public IReadOnlyList<Uri> ReadUrls(IElement scope, FieldRef field, Source[] sources, Selector[]? remove, bool required, Transform[]? transforms = null) =>
        ToUrls(field, ReadStrings(scope, field, sources, remove, required, transforms), required);

    /// <summary>Selects the element of a nested record field: the first match of the first source that has one.</summary>
    public IElement? SelectItem(IElement scope, FieldRef field, Source[] sources, bool required)
    {
        for (var i = 0; i < sources.Length; i++)
        {
            var element = sources[i].Css is null ? scope : SelectFirst(scope, sources[i].Css!);
            if (element is not null)
            {
                ReportFallback(field, sources, i);
                return element;
            }
        }

        ReportMissing(field, required);
        return null;
    }

    /// <summary>Selects the elements of a list-of-records field: every match of the first source that has any.</summary>
    public IReadOnlyList<IElement> SelectItems(IElement scope, FieldRef field, Source[] sources, bool required)
    {
        for (var i = 0; i < sources.Length; i++)
        {
            var elements = SelectAll(scope, sources[i]);
            if (elements.Count > 0)
            {
                ReportFallback(field, sources, i);
                return elements;
            }
        }

        ReportMissing(field, required);
        return Array.Empty<IElement>();
    }

    /// <summary>Converts a scalar value; a failure is reported and gives null.</summary>
    private T? Convert<T>(FieldRef field, string? text, bool required, TryConvert<T> convert)
        where T : struct
    {
        if (text is null)
        {
            return null;
        }

        if (convert(text, out var value))
        {
            return value;
        }

        ReportConversion(field, text, typeof(T), required);
        return null;
    }

    /// <summary>Converts each value of a list; values that fail are reported and left out.</summary>
    private IReadOnlyList<T> ConvertAll<T>(FieldRef field, IReadOnlyList<string> texts, bool required, TryConvert<T> convert)
    {
        if (texts.Count == 0)
        {
            return Array.Empty<T>();
        }

        var firstProblem = _problems.Count;
        var values = new List<T>(texts.Count);
        foreach (var text in texts)
        {
            if (convert(text, out var value))
            {
                values.Add(value);
            }
            else
            {
                ReportConversion(field, text, typeof(T), required: false);
            }
        }

        FailIfNothingConverted(required, values.Count, firstProblem);
        return values;
    }

    /// <summary>A required list is unsuccessful when none of its values converted (not when the first one did not).</summary>
    private void FailIfNothingConverted(bool required, int converted, int firstProblem)
    {
        if (required && converted == 0)
        {
            for (var i = firstProblem; i < _problems.Count; i++)
            {
                _problems[i] = _problems[i] with { IsError = true };
            }
        }
    }

    /// <summary>Converts a scalar URL, resolving it against <see cref="BaseUri"/>.</summary>
    private Uri? ToUrl(FieldRef field, string? text, bool required)
    {
        if (text is null)
        {
            return null;
        }

        if (Conversions.TryUrl(text, BaseUri, out var url))
        {
            return url;
        }

        ReportConversion(field, text, typeof(Uri), required);
        return null;
    }

    /// <summary>Converts each URL of a list, resolving against <see cref="BaseUri"/>.</summary>
    private IReadOnlyList<Uri> ToUrls(FieldRef field, IReadOnlyList<string> texts, bool required)
    {
        var firstProblem = _problems.Count;
        var values = new List<Uri>(texts.Count);
        foreach (var text in texts)
        {
            var url = ToUrl(field, text, required: false);
            if (url is not null)
            {
                values.Add(url);
            }
        }

        FailIfNothingConverted(required, values.Count, firstProblem);
        return values;
    }

    /// <summary>Builds the typed result from the record read so far and this page's problems.</summary>
    public ExtractionResult<T> Result<T>(string rule, T partial)
        where T : class, IExtractedRecord =>
        new(rule, Url, partial, _problems.ToArray());

    private string ReadValue(IElement element, Source source, Selector[]? remove) => source.Value switch
    {
        ValueKind.Attribute => TextContent.NormalizeInline(element.GetAttribute(source.Attribute!) ?? string.Empty),
        ValueKind.Html => HtmlContent.Of(element, ViewWithout(element, remove), BaseUri),

        // The text walk tests the field's remove list itself as it meets each element, rather than after a walk per
        // selector that collects the matches first: the same elements are left out (see TextContent.Of).
        _ => remove is { Length: > 0 } ? TextContent.Of(element, _removed, remove) : TextOf(element),
    };

    /// <summary>
    /// The element's text with the page's removals. Fields often read the same element one after another (a section
    /// and the authors from one byline; a nested record's fields from one title), so the last text read is kept: the
    /// document never changes and the page's removals are fixed once it is open, so the text cannot differ.
    /// </summary>
    private string TextOf(IElement element)
    {
        if (!ReferenceEquals(element, _lastTextElement))
        {
            _lastText = TextContent.Of(element, _removed);
            _lastTextElement = element;
        }

        return _lastText!;
    }

    /// <summary>The page's removed view, plus the matches of a field's own remove list under <paramref name="element"/>.</summary>
    private RemovedView ViewWithout(IElement element, Selector[]? remove)
    {
        if (remove is not { Length: > 0 })
        {
            return _removed;
        }

        var removed = new RemovedView();
        removed.AddMatches(element, remove, _removed);
        removed.AddAll(_removed);
        return removed;
    }

    private IElement? SelectFirst(IElement scope, Selector selector)
    {
        if (_index is not null && ReferenceEquals(scope, Root) && _index.TryFirst(selector, out var indexed))
        {
            return indexed;
        }

        var walker = new ElementWalker(scope, _removed);
        try
        {
            while (walker.MoveNext(out var element))
            {
                if (selector.Matches(element, scope))
                {
                    return element;
                }
            }

            return null;
        }
        finally
        {
            walker.Dispose();
        }
    }

    private IReadOnlyList<IElement> SelectAll(IElement scope, Source source)
    {
        if (source.Css is null)
        {
            return new[] { scope };
        }

        if (_index is not null && ReferenceEquals(scope, Root) && _index.TryAll(source.Css, out var indexed))
        {
            return indexed;
        }

        List<IElement>? found = null;
        var walker = new ElementWalker(scope, _removed);
        try
        {
            while (walker.MoveNext(out var element))
            {
                if (source.Css.Matches(element, scope))
                {
                    (found ??= new List<IElement>()).Add(element);
                }
            }
        }
        finally
        {
            walker.Dispose();
        }

        return found is null ? Array.Empty<IElement>() : found;
    }

    private void ReportFallback(FieldRef field, Source[] sources, int index)
    {
        if (index > 0)
        {
            _problems.Add(new FieldProblem(
                field.ToString(),
                ProblemKind.FallbackUsed,
                $"the first source ({sources[0]}) gave nothing; fallback {index} ({sources[index]}) was used",
                IsError: false,
                SourceIndex: index));
        }
    }

    private void ReportStopped(string? message)
    {
        if (message is not null)
        {
            _problems.Add(new FieldProblem(string.Empty, ProblemKind.ParseStopped, message + "; the fields were read from the part before that (PageParser.TimeLimit sets the limit)", IsError: true));
        }
    }

    /// <summary>True when <paramref name="regex"/> already ran past its timeout on this page (see <see cref="ReportTimeout"/>).</summary>
    internal bool TimedOut(TieredRegex regex) => _timedOut is not null && _timedOut.Contains(regex);

    /// <summary>
    /// Records that <paramref name="regex"/> ran past <see cref="Transform.RegexTimeout"/> on a value of this page, so
    /// that it is not run again on this page: the timeout bounds one match, and a page with thousands of values that make
    /// the pattern backtrack would otherwise cost thousands of timeouts.
    /// </summary>
    internal void ReportTimeout(TieredRegex regex, string step)
    {
        (_timedOut ??= new List<TieredRegex>(1)).Add(regex);
        _problems.Add(new FieldProblem(
            string.Empty,
            ProblemKind.RegexTimedOut,
            $"the step '{Shorten(step)}' took longer than {Transform.RegexTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms on a value of this page; that value and every later one given to it on this page count as no match",
            IsError: false));
    }

    private void ReportMissing(FieldRef field, bool required) =>
        _problems.Add(new FieldProblem(
            field.ToString(),
            ProblemKind.Missing,
            required ? "required field has no value: no source matched a non-empty value" : "no source matched a non-empty value",
            IsError: required));

    private void ReportConversion(FieldRef field, string text, Type type, bool required) =>
        _problems.Add(new FieldProblem(
            field.ToString(),
            ProblemKind.ConversionFailed,
            $"'{Shorten(text)}' is not a valid {TypeName(type)}",
            IsError: required));

    private static string TypeName(Type type) =>
        type == typeof(DateTimeOffset) ? "datetime" :
        type == typeof(DateOnly) ? "date" :
        type == typeof(Uri) ? "url" :
        type == typeof(int) ? "int" :
        type == typeof(decimal) ? "decimal" :
        type == typeof(bool) ? "bool" : type.Name;

    private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 80) + "…";

    private static Uri? FindBase(IDocument document, Uri? url)
    {
        // The first <base href> wins (HTML spec); it belongs in <head>, which is all we look at.
        var head = document.Head;
        if (head is null)
        {
            return url;
        }

        var nodes = head.ChildNodes;
        var angleSharpNodes = head is Element;
        for (var i = 0; i < nodes.Length; i++)
        {
            if (DomNodes.AsElement(nodes[i], angleSharpNodes) is { LocalName: "base" } element && element.GetAttribute("href") is { } href)
            {
                href = href.Trim();
                if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
                {
                    return absolute;
                }

                return url is not null && Uri.TryCreate(url, href, out var resolved) ? resolved : url;
            }
        }

        return url;
    }
}
