using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ScrapeDsl.Generators;

/// <summary>
/// The Roslyn descriptors of every rule diagnostic, written with literal ids, categories and severities so Roslyn's
/// release tracking (RS2000-RS2008) checks them against AnalyzerReleases.*.md. The language library's catalogs
/// (<c>ScrapeDsl.Language.RuleDiagnostics</c> SCR001-SCR024 and <c>LanguageDiagnostics</c> SCR040-SCR053, also used by <c>scrape check</c>) stays the source of the messages; a test
/// holds the two catalogs to the same ids, titles and severities. The message is formatted by the language library,
/// so every descriptor here prints it as is.
/// </summary>
public static class DiagnosticDescriptors
{
    private const string Category = "ScrapeDsl";
    private const string HelpBase = "https://github.com/scrapedsl/scrapedsl/blob/main/docs/diagnostics/";
    /// <summary>SCR001: Invalid YAML.</summary>
    public static readonly DiagnosticDescriptor YamlSyntax = new(
        "SCR001", "Invalid YAML", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR001.md");
    /// <summary>SCR002: Unknown key.</summary>
    public static readonly DiagnosticDescriptor UnknownKey = new(
        "SCR002", "Unknown key", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR002.md");
    /// <summary>SCR003: Wrong kind of value.</summary>
    public static readonly DiagnosticDescriptor WrongKind = new(
        "SCR003", "Wrong kind of value", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR003.md");
    /// <summary>SCR004: Missing key.</summary>
    public static readonly DiagnosticDescriptor MissingKey = new(
        "SCR004", "Missing key", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR004.md");
    /// <summary>SCR005: Duplicate key.</summary>
    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "SCR005", "Duplicate key", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR005.md");
    /// <summary>SCR006: Invalid name.</summary>
    public static readonly DiagnosticDescriptor InvalidIdentifier = new(
        "SCR006", "Invalid name", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR006.md");
    /// <summary>SCR007: Name collision.</summary>
    public static readonly DiagnosticDescriptor IdentifierCollision = new(
        "SCR007", "Name collision", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR007.md");
    /// <summary>SCR008: Invalid CSS selector.</summary>
    public static readonly DiagnosticDescriptor InvalidSelector = new(
        "SCR008", "Invalid CSS selector", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR008.md");
    /// <summary>SCR009: Blank CSS selector.</summary>
    public static readonly DiagnosticDescriptor BlankSelector = new(
        "SCR009", "Blank CSS selector", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR009.md");
    /// <summary>SCR010: Invalid value.</summary>
    public static readonly DiagnosticDescriptor InvalidValue = new(
        "SCR010", "Invalid value", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR010.md");
    /// <summary>SCR011: Unsupported YAML feature.</summary>
    public static readonly DiagnosticDescriptor UnsupportedYaml = new(
        "SCR011", "Unsupported YAML feature", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR011.md");
    /// <summary>SCR012: Field has no source.</summary>
    public static readonly DiagnosticDescriptor NoSource = new(
        "SCR012", "Field has no source", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR012.md");
    /// <summary>SCR013: Conflicting keys.</summary>
    public static readonly DiagnosticDescriptor Conflict = new(
        "SCR013", "Conflicting keys", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR013.md");
    /// <summary>SCR014: Ambiguous dispatch.</summary>
    public static readonly DiagnosticDescriptor AmbiguousDispatch = new(
        "SCR014", "Ambiguous dispatch", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR014.md");
    /// <summary>SCR015: Example page not found.</summary>
    public static readonly DiagnosticDescriptor ExampleMissing = new(
        "SCR015", "Example page not found", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR015.md");
    /// <summary>SCR016: Required field is empty on an example.</summary>
    public static readonly DiagnosticDescriptor RequiredFieldEmpty = new(
        "SCR016", "Required field is empty on an example", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR016.md");
    /// <summary>SCR017: Selector matches nothing on the examples.</summary>
    public static readonly DiagnosticDescriptor StaleSelector = new(
        "SCR017", "Selector matches nothing on the examples", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR017.md");
    /// <summary>SCR018: Scalar selector matches several elements.</summary>
    public static readonly DiagnosticDescriptor SeveralMatches = new(
        "SCR018", "Scalar selector matches several elements", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR018.md");
    /// <summary>SCR019: Remove selector matches nothing on the examples.</summary>
    public static readonly DiagnosticDescriptor RemoveMatchesNothing = new(
        "SCR019", "Remove selector matches nothing on the examples", "{0}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR019.md");
    /// <summary>SCR020: ScrapeDsl could not check the file.</summary>
    public static readonly DiagnosticDescriptor InternalError = new(
        "SCR020", "ScrapeDsl could not check the file", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR020.md");
    /// <summary>SCR021: Example URL not matched by the rule.</summary>
    public static readonly DiagnosticDescriptor ExampleUrlNotMatched = new(
        "SCR021", "Example URL not matched by the rule", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR021.md");
    /// <summary>SCR022: Example page too slow to parse.</summary>
    public static readonly DiagnosticDescriptor ExampleTooSlowToParse = new(
        "SCR022", "Example page too slow to parse", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR022.md");
    /// <summary>SCR023: Transform step gives nothing on the examples.</summary>
    public static readonly DiagnosticDescriptor StepGivesNothing = new(
        "SCR023", "Transform step gives nothing on the examples", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR023.md");
    /// <summary>SCR024: Date and time without an offset.</summary>
    public static readonly DiagnosticDescriptor DateTimeWithoutOffset = new(
        "SCR024", "Date and time without an offset", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR024.md");
    /// <summary>SCR040: Invalid regular expression.</summary>
    public static readonly DiagnosticDescriptor InvalidRegex = new(
        "SCR040", "Invalid regular expression", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR040.md");
    /// <summary>SCR041: Unknown culture.</summary>
    public static readonly DiagnosticDescriptor InvalidCulture = new(
        "SCR041", "Unknown culture", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR041.md");
    /// <summary>SCR042: Unknown time zone.</summary>
    public static readonly DiagnosticDescriptor InvalidTimeZone = new(
        "SCR042", "Unknown time zone", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR042.md");
    /// <summary>SCR043: Invalid date format.</summary>
    public static readonly DiagnosticDescriptor InvalidDateFormat = new(
        "SCR043", "Invalid date format", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR043.md");
    /// <summary>SCR044: Date format without a year.</summary>
    public static readonly DiagnosticDescriptor DateNeedsYear = new(
        "SCR044", "Date format without a year", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR044.md");
    /// <summary>SCR045: Date format without a time zone.</summary>
    public static readonly DiagnosticDescriptor DateNeedsTimeZone = new(
        "SCR045", "Date format without a time zone", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR045.md");
    /// <summary>SCR046: split needs a list field.</summary>
    public static readonly DiagnosticDescriptor SplitNeedsMany = new(
        "SCR046", "split needs a list field", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR046.md");
    /// <summary>SCR047: extends target not found.</summary>
    public static readonly DiagnosticDescriptor ExtendsMissing = new(
        "SCR047", "extends target not found", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR047.md");
    /// <summary>SCR048: extends cycle.</summary>
    public static readonly DiagnosticDescriptor ExtendsCycle = new(
        "SCR048", "extends cycle", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR048.md");
    /// <summary>SCR049: extends target is not a partial.</summary>
    public static readonly DiagnosticDescriptor ExtendsNotPartial = new(
        "SCR049", "extends target is not a partial", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR049.md");
    /// <summary>SCR050: Custom transform method.</summary>
    public static readonly DiagnosticDescriptor CustomMethod = new(
        "SCR050", "Custom transform method", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR050.md");
    /// <summary>SCR051: Key not allowed in a partial.</summary>
    public static readonly DiagnosticDescriptor PartialKey = new(
        "SCR051", "Key not allowed in a partial", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR051.md");
    /// <summary>SCR052: Selector cut short by a YAML comment.</summary>
    public static readonly DiagnosticDescriptor SelectorCutByComment = new(
        "SCR052", "Selector cut short by a YAML comment", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR052.md");
    /// <summary>SCR053: Field named like a field key.</summary>
    public static readonly DiagnosticDescriptor FieldNamedLikeKey = new(
        "SCR053", "Field named like a field key", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "SCR053.md");
    /// <summary>Every descriptor.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        YamlSyntax, UnknownKey, WrongKind, MissingKey, DuplicateKey, InvalidIdentifier, IdentifierCollision,
        InvalidSelector, BlankSelector, InvalidValue, UnsupportedYaml, NoSource, Conflict, AmbiguousDispatch,
        ExampleMissing, RequiredFieldEmpty, StaleSelector, SeveralMatches, RemoveMatchesNothing, InternalError, ExampleUrlNotMatched,
        ExampleTooSlowToParse, StepGivesNothing, DateTimeWithoutOffset, InvalidRegex, InvalidCulture, InvalidTimeZone, InvalidDateFormat, DateNeedsYear, DateNeedsTimeZone, SplitNeedsMany,
        ExtendsMissing, ExtendsCycle, ExtendsNotPartial, CustomMethod, PartialKey, SelectorCutByComment, FieldNamedLikeKey,
    };
}
