using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ScrapeDsl;

/// <summary>
/// One step of a field's <c>transform</c> pipeline. Steps run in order on each value a source yields, before the
/// source counts as having yielded: a step that gives nothing (a regex that does not match, a date that does not
/// parse) makes the source yield nothing, so the next fallback is tried. Every output is trimmed; an empty output
/// is no value. Generated extractors hold their transforms in static fields (regexes prepared once, with a timeout, and
/// compiled to IL once they have run often: <see cref="TieredRegex"/>).
/// </summary>
public abstract class Transform
{
    /// <summary>The timeout of every regex a rule runs (a hostile page cannot stall extraction).</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    private protected Transform()
    {
    }

    /// <summary>The step as written in the rule, for problem reports.</summary>
    public abstract string Describe();

    /// <summary>Applies the step to one value and adds its results (none, one, or several for <c>split</c>) to <paramref name="output"/>.</summary>
    internal abstract void Apply(string value, Page page, List<string> output);

    /// <summary><c>normalize</c>: collapses whitespace runs (line breaks included) to one space and trims.</summary>
    public static Transform Normalize() => NormalizeTransform.Instance;

    /// <summary><c>regex</c>: the text of <paramref name="group"/> of the first match; nothing when there is no match.</summary>
    public static Transform RegexExtract(string pattern, int group) => new RegexExtractTransform(new TieredRegex(pattern), group);

    /// <summary><c>replace</c>: every match replaced (<c>$1</c> refers to groups).</summary>
    public static Transform RegexReplace(string pattern, string replacement) => new RegexReplaceTransform(new TieredRegex(pattern), replacement);

    /// <summary><c>stripPrefix</c>: removes the text when the value starts with it (ordinal).</summary>
    public static Transform StripPrefix(string prefix) => new StripTransform(prefix, prefix: true);

    /// <summary><c>stripSuffix</c>: removes the text when the value ends with it (ordinal).</summary>
    public static Transform StripSuffix(string suffix) => new StripTransform(suffix, prefix: false);

    /// <summary><c>split</c>: splits on a regex; empty pieces are dropped.</summary>
    public static Transform Split(string pattern) => new SplitTransform(new TieredRegex(pattern));

    /// <summary>
    /// <c>date</c>: parses with explicit formats and culture, in a time zone; outputs ISO 8601 with offset. With no
    /// <paramref name="timeZone"/>, a format without a time of day outputs a calendar date (<c>2025-06-04</c>) and one with a
    /// time of day is read in UTC (the build requires a zone for it, SCR045).
    /// </summary>
    public static Transform Date(string[] formats, string culture, string? timeZone, string? yearFromUrl) =>
        new DateTransform(formats, culture, timeZone, yearFromUrl is null ? null : new TieredRegex(yearFromUrl));

    /// <summary><c>number</c>: parses a number written in a culture; outputs it in invariant form (<c>1234.5</c>).</summary>
    public static Transform Number(string culture) => new NumberTransform(CultureInfo.GetCultureInfo(culture));

    /// <summary><c>absoluteUrl</c>: resolves against the page's base URL (<c>&lt;base href&gt;</c>, else the page URL).</summary>
    public static Transform AbsoluteUrl() => AbsoluteUrlTransform.Instance;

    /// <summary><c>custom</c>: a static method of the extractor class; null or empty is no value.</summary>
    public static Transform Custom(string name, Func<string, string?> method) => new CustomTransform(name, method);

    /// <summary>Adds <c>value.Substring(start, length)</c> as <see cref="Add"/> would, without the untrimmed copy.</summary>
    private static void AddTrimmed(List<string> output, string value, int start, int length)
    {
        var piece = value.AsSpan(start, length).Trim();
        if (piece.Length > 0)
        {
            output.Add(piece.Length == value.Length ? value : piece.ToString());
        }
    }

    private static void Add(List<string> output, string? value)
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

    private sealed class NormalizeTransform : Transform
    {
        public static readonly NormalizeTransform Instance = new();

        public override string Describe() => "normalize";

        internal override void Apply(string value, Page page, List<string> output) => Add(output, TextContent.NormalizeInline(value.Replace('\n', ' ')));
    }

    private sealed class RegexExtractTransform(TieredRegex regex, int group) : Transform
    {
        public override string Describe() => "regex " + regex.Interpreted;

        internal override void Apply(string value, Page page, List<string> output)
        {
            if (page.TimedOut(regex))
            {
                return;
            }

            try
            {
                // The group's position, not its text: the value is cut once, already trimmed. (Match.Result("${n}") would
                // build no group objects, but it assembles its answer in a pooled list that is cleared on every call, which
                // costs more than the objects.) A group that did not take part, or that the pattern does not have, is no value.
                var match = regex.Regex.Match(value);
                var captured = group == 0 ? match : match.Groups[group];
                if (captured.Success)
                {
                    AddTrimmed(output, value, captured.Index, captured.Length);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A timeout is no match (the next fallback is tried), and the regex is not run again on this page.
                page.ReportTimeout(regex, Describe());
            }
        }
    }

    private sealed class RegexReplaceTransform(TieredRegex regex, string replacement) : Transform
    {
        public override string Describe() => "replace " + regex.Interpreted;

        internal override void Apply(string value, Page page, List<string> output)
        {
            if (page.TimedOut(regex))
            {
                return;
            }

            try
            {
                Add(output, regex.Regex.Replace(value, replacement));
            }
            catch (RegexMatchTimeoutException)
            {
                page.ReportTimeout(regex, Describe());
            }
        }
    }

    private sealed class StripTransform(string text, bool prefix) : Transform
    {
        public override string Describe() => (prefix ? "stripPrefix " : "stripSuffix ") + text;

        internal override void Apply(string value, Page page, List<string> output)
        {
            if (prefix && value.StartsWith(text, StringComparison.Ordinal))
            {
                value = value.Substring(text.Length);
            }
            else if (!prefix && value.EndsWith(text, StringComparison.Ordinal))
            {
                value = value.Substring(0, value.Length - text.Length);
            }

            Add(output, value);
        }
    }

    private sealed class SplitTransform(TieredRegex regex) : Transform
    {
        // Regex.Split also returns what capture groups matched; EnumerateSplits gives the pieces only, without
        // allocating the array and list Split builds, so it serves the patterns without groups (most of them).
        private readonly bool _hasGroups = regex.Interpreted.GetGroupNumbers().Length > 1;

        public override string Describe() => "split " + regex.Interpreted;

        internal override void Apply(string value, Page page, List<string> output)
        {
            if (page.TimedOut(regex))
            {
                return;
            }

            var before = output.Count;
            var current = regex.Regex;
            try
            {
                if (_hasGroups)
                {
                    foreach (var part in current.Split(value))
                    {
                        Add(output, part);
                    }

                    return;
                }

                foreach (var range in current.EnumerateSplits(value))
                {
                    var (start, length) = range.GetOffsetAndLength(value.Length);
                    AddTrimmed(output, value, start, length);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A timeout is no value, not the pieces found before it.
                output.RemoveRange(before, output.Count - before);
                page.ReportTimeout(regex, Describe());
            }
        }
    }

    private sealed class NumberTransform(CultureInfo culture) : Transform
    {
        public override string Describe() => "number " + culture.Name;

        internal override void Apply(string value, Page page, List<string> output)
        {
            // Cultures write grouping with U+00A0 or U+202F; pages write any space.
            var text = value.Replace('\u00A0', ' ').Replace('\u202F', ' ');
            var group = culture.NumberFormat.NumberGroupSeparator;
            if (group.Trim().Length == 0)
            {
                text = text.Replace(" ", string.Empty);
            }

            if (decimal.TryParse(text, NumberStyles.Number, culture, out var number))
            {
                Add(output, number.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    private sealed class AbsoluteUrlTransform : Transform
    {
        public static readonly AbsoluteUrlTransform Instance = new();

        public override string Describe() => "absoluteUrl";

        internal override void Apply(string value, Page page, List<string> output)
        {
            if (Conversions.TryUrl(value, page.BaseUri, out var url))
            {
                Add(output, url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString);
            }
        }
    }

    private sealed class CustomTransform(string name, Func<string, string?> method) : Transform
    {
        public override string Describe() => "custom " + name;

        internal override void Apply(string value, Page page, List<string> output) => Add(output, method(value));
    }
}
