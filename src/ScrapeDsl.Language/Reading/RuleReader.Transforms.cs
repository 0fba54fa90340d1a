using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using ScrapeDsl.Dates;
using ScrapeDsl.Language.Yaml;

namespace ScrapeDsl.Language;

/// <summary>Reading and checking a field's <c>transform</c> list with the same .NET APIs the runtime uses.</summary>
public sealed partial class RuleReader
{
    internal static readonly string[] s_transformKinds = { "normalize", "regex", "replace", "stripPrefix", "stripSuffix", "split", "date", "number", "absoluteUrl", "custom" };
    private static readonly string[] s_bareTransforms = { "normalize", "absoluteUrl" };
    private static HashSet<string>? s_cultures;

    private EquatableArray<Transform> ReadTransforms(YamlNode? node, string field, bool many, FieldType? type)
    {
        if (node is null)
        {
            return EquatableArray<Transform>.Empty;
        }

        if (node is not YamlSequence sequence)
        {
            Report(RuleDiagnostics.WrongKind, node.Span, "transform", "a list of steps, e.g. [ normalize, { stripSuffix: \" — РБК\" } ]", node.KindName);
            return EquatableArray<Transform>.Empty;
        }

        var transforms = new List<Transform>();
        foreach (var item in sequence.Items)
        {
            if (ReadTransform(item, field, many, type) is { } transform)
            {
                transforms.Add(transform);
            }
        }

        return EquatableArray.From(transforms);
    }

    private Transform? ReadTransform(YamlNode node, string field, bool many, FieldType? type)
    {
        if (node is YamlScalar bare)
        {
            switch (bare.Value)
            {
                case "normalize": return new Transform(TransformKind.Normalize, string.Empty, bare.Span);
                case "absoluteUrl": return new Transform(TransformKind.AbsoluteUrl, string.Empty, bare.Span);
                default:
                    var nearest = Names.Nearest(bare.Value, s_transformKinds);
                    Report(RuleDiagnostics.InvalidValue, bare.Span, bare.Value, "transform", string.Join(", ", s_bareTransforms)
                        + ", or a mapping such as { regex: … } with one of " + string.Join(", ", s_transformKinds)
                        + (nearest is null ? string.Empty : " (did you mean '" + nearest + "'?)"));
                    return null;
            }
        }

        if (node is not YamlMapping map || map.Entries.Count == 0)
        {
            Report(RuleDiagnostics.WrongKind, node.Span, "transform step", "a step name or a mapping such as { stripSuffix: \" — РБК\" }", node.KindName);
            return null;
        }

        var kindKey = map.Entries[0].Key;
        var kindName = kindKey.Value;
        string[] extra = kindName switch
        {
            "regex" => new[] { "regex", "group" },
            "replace" => new[] { "replace", "with" },
            "date" => new[] { "date", "culture", "timeZone", "yearFromUrl" },
            _ => new[] { kindName },
        };

        if (Array.IndexOf(s_transformKinds, kindName) < 0)
        {
            var nearest = Names.Nearest(kindName, s_transformKinds);
            Report(RuleDiagnostics.UnknownKey, kindKey.Span, kindName, "a transform step", nearest is null ? string.Empty : " (did you mean '" + nearest + "'?)", string.Join(", ", s_transformKinds));
            return null;
        }

        var errors = CountErrors();
        CheckKeys(map, extra, "a '" + kindName + "' step");
        if (CountErrors() > errors)
        {
            return null;
        }

        var valueNode = map.Entries[0].Value;
        if (kindName == "date")
        {
            return ReadDate(map, valueNode, kindKey, field, type);
        }

        if (kindName is "normalize" or "absoluteUrl")
        {
            return new Transform(kindName == "normalize" ? TransformKind.Normalize : TransformKind.AbsoluteUrl, string.Empty, kindKey.Span);
        }

        if (Scalar(valueNode, kindName) is not { } scalar)
        {
            return null;
        }

        var text = scalar.Value;
        switch (kindName)
        {
            case "regex":
            {
                if (CheckRegex(scalar) is not { } regex)
                {
                    return null;
                }

                var groups = regex.GetGroupNumbers().Length - 1;
                var group = groups > 0 ? 1 : 0;
                if (Get(map, "group") is { } groupNode && Scalar(groupNode, "group") is { } groupScalar)
                {
                    if (!int.TryParse(groupScalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out group) || group > groups)
                    {
                        Report(RuleDiagnostics.InvalidValue, groupScalar.Span, groupScalar.Value, "group", "a group number of the pattern, 0 to " + groups.ToString(CultureInfo.InvariantCulture));
                        return null;
                    }
                }

                return new Transform(TransformKind.Regex, text, scalar.Span) { Group = group };
            }

            case "replace":
            {
                if (CheckRegex(scalar) is null)
                {
                    return null;
                }

                var with = string.Empty;
                if (Get(map, "with") is { } withNode && Scalar(withNode, "with") is { } withScalar)
                {
                    with = withScalar.IsNull ? string.Empty : withScalar.Value;
                }

                return new Transform(TransformKind.Replace, text, scalar.Span) { Replacement = with };
            }

            case "split":
                if (!many)
                {
                    Report(LanguageDiagnostics.SplitNeedsMany, kindKey.Span, field);
                    return null;
                }

                return CheckRegex(scalar) is null ? null : new Transform(TransformKind.Split, text, scalar.Span);
            case "stripPrefix":
            case "stripSuffix":
                if (text.Length == 0)
                {
                    Report(RuleDiagnostics.InvalidValue, scalar.Span, text, kindName, "the text to remove, quoted if it has spaces at its ends");
                    return null;
                }

                return new Transform(kindName == "stripPrefix" ? TransformKind.StripPrefix : TransformKind.StripSuffix, text, scalar.Span);
            case "number":
                return CheckCulture(scalar) is { } culture ? new Transform(TransformKind.Number, culture, scalar.Span) : null;
            default:
                if (_isPartial)
                {
                    Report(LanguageDiagnostics.PartialKey, kindKey.Span, "custom (a custom transform names a method of one extractor class)");
                    return null;
                }

                if (Names.CheckTypeName(text.Trim()) is { } why)
                {
                    Report(RuleDiagnostics.InvalidIdentifier, scalar.Span, text, "a custom transform method name", why);
                    return null;
                }

                return new Transform(TransformKind.Custom, text.Trim(), scalar.Span);
        }
    }

    private Transform? ReadDate(YamlMapping map, YamlNode formatsNode, YamlScalar kindKey, string field, FieldType? type)
    {
        var formats = ReadStrings(formatsNode, "date");
        if (formats.Count == 0)
        {
            Report(RuleDiagnostics.MissingKey, kindKey.Span, "A 'date' step", "date", "give one or more .NET formats, e.g. date: \"dd MMM, HH:mm\"");
            return null;
        }

        var culture = string.Empty;
        if (Get(map, "culture") is { } cultureNode && Scalar(cultureNode, "culture") is { } cultureScalar)
        {
            if (CheckCulture(cultureScalar) is not { } checkedCulture)
            {
                return null;
            }

            culture = checkedCulture;
        }

        string? timeZone = null;
        if (Get(map, "timeZone") is { } zoneNode && Scalar(zoneNode, "timeZone") is { } zoneScalar)
        {
            timeZone = zoneScalar.Value.Trim();
            if (!IsTimeZone(timeZone))
            {
                Report(LanguageDiagnostics.InvalidTimeZone, zoneScalar.Span, timeZone);
                return null;
            }
        }

        string? yearFromUrl = null;
        if (Get(map, "yearFromUrl") is { } yearNode && Scalar(yearNode, "yearFromUrl") is { } yearScalar)
        {
            if (CheckRegex(yearScalar) is not { } yearRegex)
            {
                return null;
            }

            if (yearRegex.GetGroupNumbers().Length < 2)
            {
                Report(RuleDiagnostics.InvalidValue, yearScalar.Span, yearScalar.Value, "yearFromUrl", "a regex with a group around the year, e.g. '/(\\d{4})/'");
                return null;
            }

            yearFromUrl = yearScalar.Value;
        }

        var cultureInfo = culture.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture);
        var where = formatsNode is YamlSequence list ? list.Items : new[] { formatsNode };
        var ok = true;
        for (var i = 0; i < formats.Count; i++)
        {
            var format = formats[i];
            var span = i < where.Count ? where[i].Span : formatsNode.Span;
            try
            {
                _ = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Unspecified).ToString(format, cultureInfo);
            }
            catch (FormatException e)
            {
                Report(LanguageDiagnostics.InvalidDateFormat, span, format, e.Message);
                ok = false;
                continue;
            }

            if (format.Trim().Length <= 1)
            {
                Report(LanguageDiagnostics.InvalidDateFormat, span, format, "one letter is a standard format; write a custom format such as dd.MM.yyyy");
                ok = false;
                continue;
            }

            // The format's letters outside quotes, read as the runtime's date step reads them.
            var shape = new DateFormat(format);
            if (shape.Mistake is { } mistake)
            {
                // .NET takes 'YYYY' as literal text and 'mm' as minutes: the format is valid and never reads the date meant.
                Report(LanguageDiagnostics.InvalidDateFormat, span, format, mistake);
                ok = false;
                continue;
            }

            if (!shape.HasYear && yearFromUrl is null)
            {
                Report(LanguageDiagnostics.DateNeedsYear, span, format);
                ok = false;
            }

            // A format without a time of day names a calendar date, which no zone changes, unless a datetime field is to
            // make an instant of it.
            if (!shape.HasOffset && timeZone is null && (shape.HasTimeOfDay || type == FieldType.DateTime))
            {
                Report(LanguageDiagnostics.DateNeedsTimeZone, span, format, shape.HasTimeOfDay
                    ? "reads a time of day"
                    : "datetime field '" + field + "' needs the zone its midnight is in");
                ok = false;
            }
        }

        return ok
            ? new Transform(TransformKind.Date, string.Empty, kindKey.Span) { Formats = formats, Culture = culture, TimeZone = timeZone, YearFromUrl = yearFromUrl }
            : null;
    }

    private Regex? CheckRegex(YamlScalar scalar)
    {
        if (scalar.Value.Length == 0)
        {
            Report(LanguageDiagnostics.InvalidRegex, scalar.Span, scalar.Value, "the pattern is empty");
            return null;
        }

        try
        {
            return new Regex(scalar.Value, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            Report(LanguageDiagnostics.InvalidRegex, scalar.Span, scalar.Value, e.Message);
            return null;
        }
    }

    /// <summary>The culture name as .NET spells it ("" for invariant), or null after reporting.</summary>
    private string? CheckCulture(YamlScalar scalar)
    {
        var name = scalar.Value.Trim();
        if (name.Equals("invariant", StringComparison.OrdinalIgnoreCase))
        {
            return string.Empty;
        }

        if (s_cultures is null)
        {
            var cultures = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var culture in CultureInfo.GetCultures(CultureTypes.AllCultures))
            {
                if (culture.Name.Length > 0)
                {
                    cultures.Add(culture.Name);
                }
            }

            s_cultures = cultures;
        }

        if (name.Length == 0 || !s_cultures.Contains(name))
        {
            Report(LanguageDiagnostics.InvalidCulture, scalar.Span, name);
            return null;
        }

        return CultureInfo.GetCultureInfo(name).Name;
    }

    private static bool IsTimeZone(string id)
    {
        if (id == "UTC")
        {
            return true;
        }

        try
        {
            // IANA ids resolve on Linux and macOS, and on Windows with .NET 6+ (ICU): the generator runs on the SDK's .NET.
            return TimeZoneInfo.FindSystemTimeZoneById(id) is not null;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or System.Security.SecurityException)
        {
            return false;
        }
    }
}
