using System;
using System.Collections.Generic;
using AngleSharp.Dom;
using ScrapeDsl.Dates;

namespace ScrapeDsl;

/// <summary>
/// The sources beside CSS (<c>meta</c>, <c>jsonld</c>, <c>itemprop</c>, <c>const</c>) and the transform pipeline.
/// Kept apart from <c>Page.cs</c>, whose CSS path is the hot one.
/// </summary>
public sealed partial class Page
{
    private List<IElement>? _metas;
    private JsonLd? _jsonLd;

    // The two lists every read through the pipeline works in, made once per page: a read runs to completion before
    // the next starts (transforms never read fields), and only a list field's final values are copied out.
    private List<string>? _values;
    private List<string>? _transformed;

    // The year each date transform's yearFromUrl pattern finds in the page URL: the same for every date of the page (the
    // RBC article's rates have three), so it is matched once per pattern and page. A rule has a pattern or two.
    private List<(TieredRegex Pattern, string? Year)>? _years;

    /// <summary>Decodes page bytes (<see cref="PageText.Decode"/>: BOM, then <paramref name="charset"/>, then valid UTF-8, then the meta prescan, else UTF-8) and parses them.</summary>
    public static Page Parse(ReadOnlySpan<byte> bytes, string? charset, Uri? url, IReadOnlyList<Selector> remove) =>
        Parse(PageText.Decode(bytes, charset), url, remove);

    /// <summary>Decodes page bytes (see the overload above) and parses them with a rule's plan.</summary>
    public static Page Parse(ReadOnlySpan<byte> bytes, string? charset, Uri? url, PagePlan plan) =>
        Parse(PageText.Decode(bytes, charset), url, plan);

    /// <summary>Group 1 of <paramref name="pattern"/> on the page URL, or null; matched once per pattern and page.</summary>
    internal string? YearFromUrl(TieredRegex? pattern)
    {
        if (pattern is null)
        {
            return null;
        }

        _years ??= new List<(TieredRegex, string?)>(1);
        foreach (var (known, year) in _years)
        {
            if (ReferenceEquals(known, pattern))
            {
                return year;
            }
        }

        var found = DateText.FindYear(pattern.Regex, Url);
        _years.Add((pattern, found));
        return found;
    }

    /// <summary>The first value of one source after the transforms, or null when it yields nothing.</summary>
    private string? ReadFirst(IElement scope, Source source, Selector[]? remove, Transform[]? transforms)
    {
        var values = ReadThrough(scope, source, remove, all: false, transforms);
        return values.Count > 0 ? values[0] : null;
    }

    /// <summary>Every value of one source after the transforms, or null when it yields nothing.</summary>
    private List<string>? ReadEvery(IElement scope, Source source, Selector[]? remove, Transform[]? transforms)
    {
        var values = ReadThrough(scope, source, remove, all: true, transforms);
        return values.Count > 0 ? new List<string>(values) : null;
    }

    /// <summary>A source's raw values, then its own transforms, then the field's; valid until the next read.</summary>
    private List<string> ReadThrough(IElement scope, Source source, Selector[]? remove, bool all, Transform[]? transforms)
    {
        var values = _values ??= new List<string>();
        values.Clear();
        Candidates(scope, source, remove, all, values);
        Pipeline(values, source.Transforms);
        Pipeline(values, transforms);
        return values;
    }

    /// <summary>
    /// The raw values of a source: for a scalar (<paramref name="all"/> false) only its first candidate, as for CSS
    /// (the first match in document order, even when its value is empty).
    /// </summary>
    private void Candidates(IElement scope, Source source, Selector[]? remove, bool all, List<string> output)
    {
        switch (source.Kind)
        {
            case SourceKind.Const:
                output.Add(source.Argument!);
                return;
            case SourceKind.Meta:
                foreach (var meta in Metas())
                {
                    if (string.Equals(meta.GetAttribute("name")?.Trim(), source.Argument, StringComparison.OrdinalIgnoreCase)
                        || string.Equals(meta.GetAttribute("property")?.Trim(), source.Argument, StringComparison.OrdinalIgnoreCase))
                    {
                        output.Add(TextContent.NormalizeInline(MetaContent(meta)));
                        if (!all)
                        {
                            return;
                        }
                    }
                }

                return;
            case SourceKind.JsonLd:
                (_jsonLd ??= new JsonLd(JsonLdBlocks())).Evaluate(source.Path, source.Types, all, output);
                return;
            case SourceKind.ItemProp:
                ItemProps(scope, source.Path, 0, remove, all, output);
                return;
        }

        if (source.Css is null)
        {
            output.Add(ReadValue(scope, source, remove));
            return;
        }

        if (!all)
        {
            if (SelectFirst(scope, source.Css) is { } element)
            {
                output.Add(ReadValue(element, source, remove));
            }

            return;
        }

        foreach (var element in SelectAll(scope, source))
        {
            output.Add(ReadValue(element, source, remove));
        }
    }

    /// <summary>Runs the transforms over every value, in place; empty values are dropped first.</summary>
    private void Pipeline(List<string> values, Transform[]? transforms)
    {
        values.RemoveAll(static value => value.Length == 0);
        if (transforms is null)
        {
            return;
        }

        var next = _transformed ??= new List<string>();
        foreach (var transform in transforms)
        {
            next.Clear();
            foreach (var value in values)
            {
                transform.Apply(value, this, next);
            }

            values.Clear();
            values.AddRange(next);
            if (values.Count == 0)
            {
                break;
            }
        }

        next.Clear();
    }

    /// <summary>Microdata: elements whose <c>itemprop</c> has the step's token, step by step into nested items.</summary>
    private bool ItemProps(IElement scope, string[] path, int step, Selector[]? remove, bool all, List<string> output)
    {
        if (step == 0 && ReferenceEquals(scope, Root) && Indexed(_index?.Plan.ItemProps) is { } indexed)
        {
            return IndexedItemProps(indexed, path, remove, all, output);
        }

        var walker = new ElementWalker(scope, _removed);
        try
        {
            while (walker.MoveNext(out var element))
            {
                if (!HasToken(element.GetAttribute("itemprop"), path[step]))
                {
                    continue;
                }

                if (step + 1 < path.Length)
                {
                    if (ItemProps(element, path, step + 1, remove, all, output) && !all)
                    {
                        return true;
                    }

                    walker.SkipChildren();
                    continue;
                }

                output.Add(MicrodataValue(element, remove));
                if (!all)
                {
                    return true;
                }

                walker.SkipChildren();
            }

            return false;
        }
        finally
        {
            walker.Dispose();
        }
    }

    /// <summary>
    /// <see cref="ItemProps"/> at the root from the plan's index of elements with an <c>itemprop</c> (visible, in
    /// document order) instead of a walk: the walk does not look inside an element it took, so neither does this.
    /// </summary>
    private bool IndexedItemProps(IReadOnlyList<IElement> candidates, string[] path, Selector[]? remove, bool all, List<string> output)
    {
        IElement? taken = null;
        foreach (var element in candidates)
        {
            if (taken is not null && taken.Contains(element))
            {
                continue;
            }

            if (!HasToken(element.GetAttribute("itemprop"), path[0]))
            {
                continue;
            }

            taken = element;
            if (path.Length > 1)
            {
                if (ItemProps(element, path, 1, remove, all, output) && !all)
                {
                    return true;
                }

                continue;
            }

            output.Add(MicrodataValue(element, remove));
            if (!all)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The elements the plan indexed for <paramref name="selector"/> (one of its own), or null when it did not.</summary>
    private IReadOnlyList<IElement>? Indexed(Selector? selector) =>
        selector is not null && _index!.TryAll(selector, out var elements) ? elements : null;

    /// <summary>The microdata value of an element (HTML spec): an attribute for some elements, else the text.</summary>
    private string MicrodataValue(IElement element, Selector[]? remove)
    {
        // Pages saved by Postlight Parser's fixture tooling carry meta values in 'value' instead of 'content'.
        var metaContent = element.HasAttribute("content") ? "content" : "value";
        var attribute = element.LocalName switch
        {
            "meta" => metaContent,
            "audio" or "embed" or "iframe" or "img" or "source" or "track" or "video" => "src",
            "a" or "area" or "link" => "href",
            "object" => "data",
            "data" or "meter" => "value",
            "time" when element.HasAttribute("datetime") => "datetime",
            _ => null,
        };

        return attribute is null
            ? ReadValue(element, new Source(null), remove)
            : TextContent.NormalizeInline(element.GetAttribute(attribute) ?? string.Empty);
    }

    /// <summary>A meta tag's <c>content</c>, else its <c>value</c> (pages saved by Postlight Parser's tooling rewrite it so).</summary>
    private static string MetaContent(IElement meta) => meta.GetAttribute("content") ?? meta.GetAttribute("value") ?? string.Empty;

    private static bool HasToken(string? list, string token)
    {
        if (list is null)
        {
            return false;
        }

        foreach (var part in list.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (string.Equals(part, token, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every visible <c>meta</c> element, in document order: from the plan's index when it has one, else one walk.</summary>
    private List<IElement> Metas() => _metas ??= Visible(static element => element.LocalName == "meta", _index?.Plan.Metas);

    /// <summary>The text of every visible JSON-LD script, in document order.</summary>
    private List<string> JsonLdBlocks()
    {
        var scripts = Visible(
            static element => element.LocalName == "script"
                && string.Equals(element.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase),
            _index?.Plan.Scripts);
        return scripts.ConvertAll(static script => script.TextContent);
    }

    /// <summary>
    /// The visible elements that pass <paramref name="test"/>, in document order. When the plan indexed
    /// <paramref name="superset"/> (a selector matching at least those elements), only its matches are tested.
    /// </summary>
    private List<IElement> Visible(Func<IElement, bool> test, Selector? superset)
    {
        var found = new List<IElement>();
        if (_index is not null && Indexed(superset) is { } candidates)
        {
            foreach (var element in candidates)
            {
                if (test(element))
                {
                    found.Add(element);
                }
            }

            return found;
        }

        var walker = new ElementWalker(Root, _removed);
        try
        {
            while (walker.MoveNext(out var element))
            {
                if (test(element))
                {
                    found.Add(element);
                }
            }
        }
        finally
        {
            walker.Dispose();
        }

        return found;
    }
}
