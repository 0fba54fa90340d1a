using System.Collections.Generic;
using System.Globalization;

namespace ScrapeDsl.Language;

/// <summary>
/// The catalog of every rule diagnostic. Ids are recorded in the generator's AnalyzerReleases files and each has
/// a page under <c>docs/diagnostics/</c>; an id is never reused for another meaning.
/// </summary>
public static class RuleDiagnostics
{
    /// <summary>SCR001: the file is not valid YAML.</summary>
    public static readonly RuleDiagnosticDescriptor YamlSyntax = new(
        "SCR001", "Invalid YAML", "YAML syntax error: {0}", RuleSeverity.Error);

    /// <summary>SCR002: a key the rule language does not have.</summary>
    public static readonly RuleDiagnosticDescriptor UnknownKey = new(
        "SCR002", "Unknown key", "Unknown key '{0}' in {1}{2}; allowed keys: {3}", RuleSeverity.Error);

    /// <summary>SCR003: a value of the wrong kind (e.g. a list where text is expected).</summary>
    public static readonly RuleDiagnosticDescriptor WrongKind = new(
        "SCR003", "Wrong kind of value", "'{0}' must be {1}, but it is {2}", RuleSeverity.Error);

    /// <summary>SCR004: a required key is missing.</summary>
    public static readonly RuleDiagnosticDescriptor MissingKey = new(
        "SCR004", "Missing key", "{0} needs '{1}': {2}", RuleSeverity.Error);

    /// <summary>SCR005: a key written twice in one mapping.</summary>
    public static readonly RuleDiagnosticDescriptor DuplicateKey = new(
        "SCR005", "Duplicate key", "Key '{0}' is written twice; remove or rename one of them (the first is on line {1})", RuleSeverity.Error);

    /// <summary>SCR006: a name that cannot become a C# identifier.</summary>
    public static readonly RuleDiagnosticDescriptor InvalidIdentifier = new(
        "SCR006", "Invalid name", "'{0}' cannot be used as {1}: {2}", RuleSeverity.Error);

    /// <summary>SCR007: two names that become the same C# identifier.</summary>
    public static readonly RuleDiagnosticDescriptor IdentifierCollision = new(
        "SCR007", "Name collision", "{0} '{1}' becomes the C# name '{2}', which is already used by {3}; rename one of them", RuleSeverity.Error);

    /// <summary>SCR008: a CSS selector AngleSharp cannot parse.</summary>
    public static readonly RuleDiagnosticDescriptor InvalidSelector = new(
        "SCR008", "Invalid CSS selector", "'{0}' is not a valid CSS selector{1}", RuleSeverity.Error);

    /// <summary>SCR009: an empty or whitespace selector (AngleSharp would read it as '*', everything).</summary>
    public static readonly RuleDiagnosticDescriptor BlankSelector = new(
        "SCR009", "Blank CSS selector", "The selector is blank; write a CSS selector (a blank one would match every element)", RuleSeverity.Error);

    /// <summary>SCR010: a value outside the allowed set (e.g. an unknown type).</summary>
    public static readonly RuleDiagnosticDescriptor InvalidValue = new(
        "SCR010", "Invalid value", "'{0}' is not a valid value for '{1}'; use one of: {2}", RuleSeverity.Error);

    /// <summary>SCR011: YAML features the rule language does not accept (tags, anchors, several documents).</summary>
    public static readonly RuleDiagnosticDescriptor UnsupportedYaml = new(
        "SCR011", "Unsupported YAML feature", "{0} are not part of the rule language; {1}", RuleSeverity.Error);

    /// <summary>SCR012: a field without any source.</summary>
    public static readonly RuleDiagnosticDescriptor NoSource = new(
        "SCR012", "Field has no source", "Field '{0}' has no source; add 'css: <selector>'{1}", RuleSeverity.Error);

    /// <summary>SCR013: keys that contradict each other on one field.</summary>
    public static readonly RuleDiagnosticDescriptor Conflict = new(
        "SCR013", "Conflicting keys", "{0}", RuleSeverity.Error);

    /// <summary>SCR014: two rules accept the same URL with the same priority, so only name order decides.</summary>
    public static readonly RuleDiagnosticDescriptor AmbiguousDispatch = new(
        "SCR014", "Ambiguous dispatch",
        "Rule '{0}' never gets URLs such as {1}: rule '{2}' in {3} matches them too, with the same priority ({4}), and wins because its name sorts first; set a higher 'priority' under 'match' on the rule that should win, or narrow 'paths' or 'exclude'",
        RuleSeverity.Warning);

    /// <summary>SCR015: an example page listed in <c>examples</c> is not there.</summary>
    public static readonly RuleDiagnosticDescriptor ExampleMissing = new(
        "SCR015", "Example page not found", "Example page '{0}' was not found{1}; save the page there or fix the path (it is relative to the rule file)", RuleSeverity.Error);

    /// <summary>SCR016: a required field gives no value on one of the rule's example pages.</summary>
    public static readonly RuleDiagnosticDescriptor RequiredFieldEmpty = new(
        "SCR016", "Required field is empty on an example",
        "Required field '{0}' yields nothing on example {1}{2}; fix its selector or add a fallback that finds the value on that page, or drop 'required: true'",
        RuleSeverity.Error);

    /// <summary>SCR017: a selector of a field (primary or fallback) matches nothing on every example page.</summary>
    public static readonly RuleDiagnosticDescriptor StaleSelector = new(
        "SCR017", "Selector matches nothing on the examples",
        "'{0}' matches nothing on any example page ({1}); it is stale or wrong: update it from the saved page, or remove it if the site no longer has that element",
        RuleSeverity.Warning);

    /// <summary>SCR018: the selector of a scalar field matches several elements on an example page, and not all are known to give the same value.</summary>
    public static readonly RuleDiagnosticDescriptor SeveralMatches = new(
        "SCR018", "Scalar selector matches several elements",
        "'{0}' matches {1} elements on {2}{3}, but field '{4}' takes only the first in document order; make the selector more specific, or set 'many: true' if you want them all",
        RuleSeverity.Warning);

    /// <summary>SCR019: a <c>remove</c> selector matches nothing on every example page.</summary>
    public static readonly RuleDiagnosticDescriptor RemoveMatchesNothing = new(
        "SCR019", "Remove selector matches nothing on the examples",
        "Remove selector '{0}' matches nothing on any example page ({1}); delete it if the block is gone from the site, or fix it",
        RuleSeverity.Info);

    /// <summary>SCR020: the checks themselves failed on a file (a bug in ScrapeDsl, reported instead of crashing the build).</summary>
    public static readonly RuleDiagnosticDescriptor InternalError = new(
        "SCR020", "ScrapeDsl could not check the file",
        "ScrapeDsl failed while {0} ({1}); the file was not fully checked: please report this with the rule file",
        RuleSeverity.Warning);

    /// <summary>SCR021: an example's URL is not accepted by the rule's own <c>match</c> block.</summary>
    public static readonly RuleDiagnosticDescriptor ExampleUrlNotMatched = new(
        "SCR021", "Example URL not matched by the rule",
        "The example's url {0} is not matched by this rule's 'match' block ({1}), so dispatch by URL would never pick this rule for its own example; fix 'hosts', 'paths' or 'exclude', or the url",
        RuleSeverity.Warning);

    /// <summary>SCR022: an example page took longer than the checks' limit to parse, so it was not checked.</summary>
    public static readonly RuleDiagnosticDescriptor ExampleTooSlowToParse = new(
        "SCR022", "Example page too slow to parse",
        "Example page '{0}' took longer than {1} s to parse and was not checked (the parse stopped at character {2} of {3}): its markup leaves too many elements open, as hostile or broken pages do, and extraction stops such a parse too (PageParser.TimeLimit); save the page again, or list another page",
        RuleSeverity.Warning);

    /// <summary>SCR023: a transform step leaves nothing of the values its source reads, on every example page.</summary>
    public static readonly RuleDiagnosticDescriptor StepGivesNothing = new(
        "SCR023", "Transform step gives nothing on the examples",
        "The step {0} of field '{1}' leaves nothing of what {2} reads on any example page ('{3}' on {4}), so that source never counts; fix the step (a date format, a regex, a culture) against that value, or remove it",
        RuleSeverity.Warning);

    /// <summary>SCR024: a datetime field's value on an example page names no UTC offset, so it is read as UTC.</summary>
    public static readonly RuleDiagnosticDescriptor DateTimeWithoutOffset = new(
        "SCR024", "Date and time without an offset",
        "Field '{0}' is a datetime, and its value '{1}' on {2} names no UTC offset, so it is read as UTC; if the page means its local time, add a 'date' step with the format and the page's 'timeZone', and if it is UTC, say so with a 'date' step and 'timeZone: UTC'",
        RuleSeverity.Warning);

    /// <summary>Every descriptor, by id.</summary>
    public static IReadOnlyList<RuleDiagnosticDescriptor> All { get; } = new[]
    {
        YamlSyntax, UnknownKey, WrongKind, MissingKey, DuplicateKey, InvalidIdentifier, IdentifierCollision,
        InvalidSelector, BlankSelector, InvalidValue, UnsupportedYaml, NoSource, Conflict,
        AmbiguousDispatch, ExampleMissing, RequiredFieldEmpty, StaleSelector, SeveralMatches, RemoveMatchesNothing,
        InternalError, ExampleUrlNotMatched, ExampleTooSlowToParse, StepGivesNothing, DateTimeWithoutOffset,
    };

    /// <summary>Creates a diagnostic of <paramref name="descriptor"/> at <paramref name="span"/>.</summary>
    public static RuleDiagnostic Create(RuleDiagnosticDescriptor descriptor, string path, SourceSpan span, params object[] args) =>
        new(descriptor.Id, descriptor.Severity, string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, args), path, span);
}
