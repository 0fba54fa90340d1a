using System.Collections.Generic;

namespace ScrapeDsl.Language;

/// <summary>
/// Diagnostics of the full rule language (sources, transforms, reuse): ids SCR040–SCR069, kept apart from the
/// foundation catalog in <see cref="RuleDiagnostics"/>. Each id has a page under <c>docs/diagnostics/</c>.
/// </summary>
public static class LanguageDiagnostics
{
    /// <summary>SCR040: a regex .NET cannot compile.</summary>
    public static readonly RuleDiagnosticDescriptor InvalidRegex = new(
        "SCR040", "Invalid regular expression", "'{0}' is not a valid .NET regular expression: {1}", RuleSeverity.Error);

    /// <summary>SCR041: a culture name .NET does not know.</summary>
    public static readonly RuleDiagnosticDescriptor InvalidCulture = new(
        "SCR041", "Unknown culture", "'{0}' is not a culture this .NET knows; use a name such as ru-RU, de-DE, ja-JP, en-US or 'invariant'", RuleSeverity.Error);

    /// <summary>SCR042: a time zone id that is not found.</summary>
    public static readonly RuleDiagnosticDescriptor InvalidTimeZone = new(
        "SCR042", "Unknown time zone", "'{0}' is not a time zone id; use an IANA id such as Europe/Moscow or Asia/Tokyo, or UTC", RuleSeverity.Error);

    /// <summary>SCR043: a date format .NET rejects.</summary>
    public static readonly RuleDiagnosticDescriptor InvalidDateFormat = new(
        "SCR043", "Invalid date format", "'{0}' is not a valid .NET date format: {1}", RuleSeverity.Error);

    /// <summary>SCR044: a date format without a year and no yearFromUrl.</summary>
    public static readonly RuleDiagnosticDescriptor DateNeedsYear = new(
        "SCR044", "Date format without a year", "The date format '{0}' has no year; add 'yearFromUrl: <regex whose group 1 is the year in the page URL>' (the machine clock is never used)", RuleSeverity.Error);

    /// <summary>SCR045: a date format without an offset and no time zone, that reads a time of day or feeds a datetime field.</summary>
    public static readonly RuleDiagnosticDescriptor DateNeedsTimeZone = new(
        "SCR045", "Date format without a time zone", "The date format '{0}' has no offset (z, zzz, K) and {1}; add 'timeZone: <IANA id>' such as Europe/Moscow, or 'timeZone: UTC'", RuleSeverity.Error);

    /// <summary>SCR046: split on a field that is not a list.</summary>
    public static readonly RuleDiagnosticDescriptor SplitNeedsMany = new(
        "SCR046", "split needs a list field", "'split' turns one value into several; field '{0}' needs 'many: true'", RuleSeverity.Error);

    /// <summary>SCR047: extends names a file that is not there.</summary>
    public static readonly RuleDiagnosticDescriptor ExtendsMissing = new(
        "SCR047", "extends target not found", "'{0}' is not a rule file of this project (looked for {1}); the path is relative to this file's folder", RuleSeverity.Error);

    /// <summary>SCR048: extends chain returns to a file already in it.</summary>
    public static readonly RuleDiagnosticDescriptor ExtendsCycle = new(
        "SCR048", "extends cycle", "extends forms a cycle: {0}", RuleSeverity.Error);

    /// <summary>SCR049: extends a file that is not a partial.</summary>
    public static readonly RuleDiagnosticDescriptor ExtendsNotPartial = new(
        "SCR049", "extends target is not a partial", "'{0}' is a full rule; extend a partial rule file instead (its file name starts with '_', e.g. _common.scrape.yaml)", RuleSeverity.Error);

    /// <summary>SCR050: a custom transform method that does not exist or has the wrong shape.</summary>
    public static readonly RuleDiagnosticDescriptor CustomMethod = new(
        "SCR050", "Custom transform method", "custom transform '{0}': {1}; declare 'static string? {0}(string value)' in 'partial class {2}'", RuleSeverity.Error);

    /// <summary>SCR051: a key a partial rule file cannot have.</summary>
    public static readonly RuleDiagnosticDescriptor PartialKey = new(
        "SCR051", "Key not allowed in a partial", "A partial rule file (file name starting with '_') lends only 'remove' and 'fields'; '{0}' belongs in the rules that extend it", RuleSeverity.Error);

    /// <summary>SCR052: an unquoted selector followed by " #id…", which YAML reads as a comment.</summary>
    public static readonly RuleDiagnosticDescriptor SelectorCutByComment = new(
        "SCR052", "Selector cut short by a YAML comment", "The selector is read as '{0}': the text after ' #' is a YAML comment; quote the selector: {1}", RuleSeverity.Warning);

    /// <summary>SCR053: a short-form field named like a field key, as a field option that lost its indentation becomes.</summary>
    public static readonly RuleDiagnosticDescriptor FieldNamedLikeKey = new(
        "SCR053", "Field named like a field key", "Field '{0}' has the name of a field key, and '{0}: {1}' reads as a field whose selector is '{1}'; if it belongs to the field above, indent it under that field; if it is meant as a field, write it in the long form ('{0}: {{ css: {1} }}')", RuleSeverity.Warning);

    /// <summary>Every descriptor of this catalog.</summary>
    public static IReadOnlyList<RuleDiagnosticDescriptor> All { get; } = new[]
    {
        InvalidRegex, InvalidCulture, InvalidTimeZone, InvalidDateFormat, DateNeedsYear, DateNeedsTimeZone, SplitNeedsMany,
        ExtendsMissing, ExtendsCycle, ExtendsNotPartial, CustomMethod, PartialKey, SelectorCutByComment,
        FieldNamedLikeKey,
    };
}
