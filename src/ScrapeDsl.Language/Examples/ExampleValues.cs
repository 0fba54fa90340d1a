using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ScrapeDsl.Language;

/// <summary>What one source gave in one scope, as far as the build can tell.</summary>
internal enum SourceYield
{
    /// <summary>No non-empty value after the transforms: the runtime goes on to the next source.</summary>
    Nothing,

    /// <summary>At least one non-empty value: the runtime takes this source.</summary>
    Value,

    /// <summary>
    /// The build cannot tell (a custom C# transform, sanitized HTML fed to a transform, a culture this machine lacks, a
    /// regex that timed out): the checks assume the runtime may take this source and report nothing that depends on it.
    /// </summary>
    Unknown,
}

/// <summary>A step of a source's transforms that gave nothing for any of the values it was given, and the first of them.</summary>
internal sealed record EmptiedBy(Transform Step, string Value);

/// <summary>
/// Reads a source's values on an example page and runs its transforms, as the runtime does (src/ScrapeDsl/Page.cs,
/// Page.Sources.cs, Transforms/): the source's candidates (a scalar: only its first), empty values dropped, the source's
/// own steps, then the field's; a step that gives nothing makes the source yield nothing. A value the build cannot
/// compute is carried as null ("present, content unknown"); a step over it makes the outcome <see cref="SourceYield.Unknown"/>.
/// </summary>
internal sealed class ExampleValues
{
    private static readonly TimeSpan s_regexTimeout = TimeSpan.FromMilliseconds(100);

    private readonly ExampleDocument _document;
    private readonly Uri? _url;
    private readonly Dictionary<string, Regex?> _regexes = new(StringComparer.Ordinal);
    private readonly Dictionary<Transform, ExampleDate?> _dates = new();

    // Set by a date step that gave nothing because the page URL has no year: such a step is not blamed (SCR023).
    private bool _noYearInUrl;

    public ExampleValues(ExampleDocument document, Uri? url)
    {
        _document = document;
        _url = url;
    }

    /// <summary>
    /// Runs <paramref name="source"/> of <paramref name="field"/> in a scope. <paramref name="elements"/> are the
    /// source's CSS matches in the scope (the scope itself for a source without <c>css</c>); <paramref name="read"/>
    /// reads an element's value (with the field's <c>remove</c> list); <paramref name="found"/> counts the raw
    /// candidates of a non-CSS source (meta tags, JSON-LD values, itemprop elements), for staleness;
    /// <paramref name="emptied"/> is the step that left nothing of the values the source read, when one did;
    /// <paramref name="given"/> what the source gives after its steps (null items: present, content unknown).
    /// </summary>
    public SourceYield Run(Field field, Source source, IElement scope, IReadOnlyList<IElement> elements, Func<IElement, string?> read, out int found, out EmptiedBy? emptied, out IReadOnlyList<string?> given)
    {
        var all = field.Many;
        var raw = new List<string?>();
        switch (source.Kind)
        {
            case SourceKind.Const:
                raw.Add(source.Argument ?? string.Empty);
                break;
            case SourceKind.Meta:
                Metas(source.Argument ?? string.Empty, all, raw);
                break;
            case SourceKind.JsonLd:
                var values = new List<string>();
                _document.JsonLd.Evaluate((source.Argument ?? string.Empty).Split('.'), source.LdTypes, all, values);
                raw.AddRange(values);
                break;
            case SourceKind.ItemProp:
                ItemProps(scope, (source.Argument ?? string.Empty).Split('.'), 0, all, read, raw);
                break;
            default:
                var limit = all ? elements.Count : Math.Min(1, elements.Count);
                for (var i = 0; i < limit; i++)
                {
                    raw.Add(read(elements[i]));
                }

                break;
        }

        found = raw.Count;
        emptied = null;
        var result = Pipeline(raw, source.Transforms, ref emptied);
        result = result is null ? null : Pipeline(result, field.Transforms, ref emptied);
        given = result ?? (IReadOnlyList<string?>)Array.Empty<string?>();
        return result is null ? SourceYield.Unknown : result.Count > 0 ? SourceYield.Value : SourceYield.Nothing;
    }

    /// <summary>
    /// Drops empty values, then runs the steps; null when the outcome cannot be known here. A step after which nothing is
    /// left of values it was given is recorded in <paramref name="emptied"/>, with the first of those values.
    /// </summary>
    private List<string?>? Pipeline(List<string?> raw, EquatableArray<Transform> transforms, ref EmptiedBy? emptied)
    {
        var current = new List<string?>(raw.Count);
        foreach (var value in raw)
        {
            if (value is null || value.Length > 0)
            {
                current.Add(value);
            }
        }

        for (var t = 0; t < transforms.Count && current.Count > 0; t++)
        {
            var last = t == transforms.Count - 1;
            var next = new List<string?>(current.Count);
            _noYearInUrl = false;
            foreach (var value in current)
            {
                if (value is null || !Apply(transforms[t], value, last, next))
                {
                    return null;
                }
            }

            if (next.Count == 0 && !_noYearInUrl)
            {
                emptied = new EmptiedBy(transforms[t], current[0]!);
            }

            current = next;
        }

        return current;
    }

    /// <summary>One step on one value, as <c>Transform.Apply</c>; false when the build cannot tell what it gives.</summary>
    private bool Apply(Transform transform, string value, bool last, List<string?> output)
    {
        switch (transform.Kind)
        {
            case TransformKind.Normalize:
                Add(output, ExampleText.NormalizeInline(value.Replace('\n', ' ')));
                return true;
            case TransformKind.StripPrefix:
                Add(output, value.StartsWith(transform.Text, StringComparison.Ordinal) ? value.Substring(transform.Text.Length) : value);
                return true;
            case TransformKind.StripSuffix:
                Add(output, value.EndsWith(transform.Text, StringComparison.Ordinal) ? value.Substring(0, value.Length - transform.Text.Length) : value);
                return true;
            case TransformKind.Regex:
            case TransformKind.Replace:
            case TransformKind.Split:
                return ApplyRegex(transform, value, output);
            case TransformKind.Number:
                return ApplyNumber(transform.Text, value, output);
            case TransformKind.AbsoluteUrl:
                if (ExampleUrls.TryResolve(value, _document.BaseUri(_url), out var url))
                {
                    Add(output, url);
                }

                return true;
            case TransformKind.Date:
                return ApplyDate(transform, value, last, output);
            default:
                // custom: C# in the consuming project, which the build's checks cannot run.
                return false;
        }
    }

    private bool ApplyRegex(Transform transform, string value, List<string?> output)
    {
        if (Compile(transform.Text) is not { } regex)
        {
            return false;
        }

        try
        {
            switch (transform.Kind)
            {
                case TransformKind.Regex:
                    var match = regex.Match(value);
                    if (match.Success && transform.Group < match.Groups.Count && match.Groups[transform.Group].Success)
                    {
                        Add(output, match.Groups[transform.Group].Value);
                    }

                    break;
                case TransformKind.Replace:
                    Add(output, regex.Replace(value, transform.Replacement ?? string.Empty));
                    break;
                default:
                    foreach (var part in regex.Split(value))
                    {
                        Add(output, part);
                    }

                    break;
            }

            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            // The runtime's answer would depend on the machine's speed.
            return false;
        }
    }

    private static bool ApplyNumber(string culture, string value, List<string?> output)
    {
        System.Globalization.CultureInfo info;
        try
        {
            info = System.Globalization.CultureInfo.GetCultureInfo(culture);
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return false;
        }

        if (!string.Equals(info.Name, culture, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var text = value.Replace('\u00A0', ' ').Replace('\u202F', ' ');
        if (info.NumberFormat.NumberGroupSeparator.Trim().Length == 0)
        {
            text = text.Replace(" ", string.Empty);
        }

        if (decimal.TryParse(text, System.Globalization.NumberStyles.Number, info, out var number))
        {
            Add(output, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return true;
    }

    private bool ApplyDate(Transform transform, string value, bool last, List<string?> output)
    {
        if (!_dates.TryGetValue(transform, out var date))
        {
            var yearFromUrl = transform.YearFromUrl is null ? null : Compile(transform.YearFromUrl);
            date = transform.YearFromUrl is not null && yearFromUrl is null
                ? null
                : ExampleDate.Create(transform.Formats.AsArray(), transform.Culture ?? string.Empty, transform.TimeZone, yearFromUrl);
            _dates.Add(transform, date);
        }

        if (date is null)
        {
            return false;
        }

        switch (date.Apply(value, _url, out var iso))
        {
            case ExampleDate.Outcome.Value:
                Add(output, iso);
                return true;
            case ExampleDate.Outcome.ValueWithUnknownOffset:
                // A value for sure; its text is exact only without the offset, which only a later step could look at.
                output.Add(last ? iso : null);
                return true;
            case ExampleDate.Outcome.Nothing:
                return true;
            case ExampleDate.Outcome.NoYearInUrl:
                _noYearInUrl = true;
                return true;
            default:
                return false;
        }
    }

    private Regex? Compile(string pattern)
    {
        if (!_regexes.TryGetValue(pattern, out var regex))
        {
            try
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant, s_regexTimeout);
            }
            catch (ArgumentException)
            {
                regex = null; // SCR040 was reported on the rule file
            }

            _regexes.Add(pattern, regex);
        }

        return regex;
    }

    /// <summary>As <c>Page.Candidates</c> for <c>meta</c>: tags whose <c>name</c> or <c>property</c> is the argument, ignoring ASCII case.</summary>
    private void Metas(string name, bool all, List<string?> output)
    {
        foreach (var meta in _document.Metas)
        {
            if (string.Equals(meta.GetAttribute("name")?.Trim(), name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(meta.GetAttribute("property")?.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                output.Add(ExampleText.NormalizeInline(meta.GetAttribute("content") ?? meta.GetAttribute("value") ?? string.Empty));
                if (!all)
                {
                    return;
                }
            }
        }
    }

    /// <summary>As <c>Page.ItemProps</c>: elements whose <c>itemprop</c> has the step's token, step by step into nested items.</summary>
    private bool ItemProps(IElement scope, string[] path, int step, bool all, Func<IElement, string?> read, List<string?> output)
    {
        var walk = new ElementWalk(scope, _document.Removed);
        while (walk.MoveNext(out var element))
        {
            if (!HasToken(element.GetAttribute("itemprop"), path[step]))
            {
                continue;
            }

            if (step + 1 < path.Length)
            {
                if (ItemProps(element, path, step + 1, all, read, output) && !all)
                {
                    return true;
                }

                walk.SkipChildren();
                continue;
            }

            output.Add(MicrodataValue(element, read));
            if (!all)
            {
                return true;
            }

            walk.SkipChildren();
        }

        return false;
    }

    /// <summary>The microdata value of an element (HTML spec): an attribute for some elements, else its text.</summary>
    private static string? MicrodataValue(IElement element, Func<IElement, string?> readText)
    {
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

        return attribute is null ? readText(element) : ExampleText.NormalizeInline(element.GetAttribute(attribute) ?? string.Empty);
    }

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

    private static void Add(List<string?> output, string? value)
    {
        if (value is null)
        {
            return;
        }

        value = value.Trim();
        if (value.Length > 0)
        {
            output.Add(value);
        }
    }
}

/// <summary>The runtime's URL resolution (<c>Conversions.TryUrl</c>, <c>Page.FindBase</c>) for <c>absoluteUrl</c>.</summary>
internal static class ExampleUrls
{
    /// <summary>As <c>Conversions.TryUrl</c>, giving the text <c>absoluteUrl</c> outputs.</summary>
    public static bool TryResolve(string text, Uri? baseUri, out string url)
    {
        url = string.Empty;
        if (IsScriptOrData(text))
        {
            return false;
        }

        if (text.StartsWith("//", StringComparison.Ordinal) && baseUri is null)
        {
            text = "https:" + text;
        }

        Uri? value = null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && (absolute.Scheme == "http" || absolute.Scheme == "https"))
        {
            value = absolute;
        }
        else if (baseUri is not null && Uri.TryCreate(baseUri, text, out var resolved))
        {
            value = resolved;
        }
        else if (Uri.TryCreate(text, UriKind.Relative, out var relative))
        {
            value = relative;
        }

        if (value is null || (value.IsAbsoluteUri && IsScriptOrData(value.Scheme + ":")))
        {
            return false;
        }

        url = value.IsAbsoluteUri ? value.AbsoluteUri : value.OriginalString;
        return true;
    }

    /// <summary>As <c>Conversions.IsScriptOrData</c>: a <c>javascript:</c>, <c>data:</c> or <c>vbscript:</c> URL as a browser parses it.</summary>
    public static bool IsScriptOrData(string text)
    {
        var scheme = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (c <= ' ')
            {
                continue;
            }

            if (c == ':')
            {
                var name = scheme.ToString();
                return name == "javascript" || name == "data" || name == "vbscript";
            }

            var isSchemeChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
            if (scheme.Length == 10 || !isSchemeChar)
            {
                return false;
            }

            scheme.Append(char.ToLowerInvariant(c));
        }

        return false;
    }

    /// <summary>As <c>Page.FindBase</c>: the first <c>&lt;base href&gt;</c> in <c>head</c>, resolved against the page URL, else the page URL.</summary>
    public static Uri? FindBase(IDocument document, Uri? url)
    {
        var head = document.Head;
        if (head is null)
        {
            return url;
        }

        var nodes = head.ChildNodes;
        for (var i = 0; i < nodes.Length; i++)
        {
            if (nodes[i] is IElement { LocalName: "base" } element && element.GetAttribute("href") is { } href)
            {
                href = href.Trim();
                if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && (absolute.Scheme == "http" || absolute.Scheme == "https"))
                {
                    return absolute;
                }

                return url is not null && Uri.TryCreate(url, href, out var resolved) ? resolved : url;
            }
        }

        return url;
    }
}
