namespace ScrapeDsl.Language;

/// <summary>How bad a rule problem is.</summary>
public enum RuleSeverity
{
    /// <summary>Worth knowing; the rule works.</summary>
    Info,

    /// <summary>The rule works but probably not as intended.</summary>
    Warning,

    /// <summary>The rule cannot be compiled; the build fails.</summary>
    Error,
}

/// <summary>A kind of rule problem: fixed id, title, message format and severity (see <see cref="RuleDiagnostics"/>).</summary>
/// <param name="Id">The stable id, e.g. <c>SCR008</c>; never reused.</param>
/// <param name="Title">A short title.</param>
/// <param name="MessageFormat">A <see cref="string.Format(string, object[])"/> format that says what is wrong and how to fix it.</param>
/// <param name="Severity">The default severity.</param>
public sealed record RuleDiagnosticDescriptor(string Id, string Title, string MessageFormat, RuleSeverity Severity)
{
    /// <summary>The documentation page of this id.</summary>
    public string HelpLink => "https://github.com/scrapedsl/scrapedsl/blob/main/docs/diagnostics/" + Id + ".md";
}

/// <summary>One problem in a rule file, located at the offending YAML node.</summary>
/// <param name="Id">The descriptor id.</param>
/// <param name="Severity">The severity.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Path">The rule file path.</param>
/// <param name="Span">Where in the file.</param>
public sealed record RuleDiagnostic(string Id, RuleSeverity Severity, string Message, string Path, SourceSpan Span)
{
    /// <summary>Formats as the compiler does: <c>path(line,col): error ID: message</c>.</summary>
    public override string ToString() =>
        $"{Path}({Span.StartLine},{Span.StartColumn}): {SeverityName(Severity)} {Id}: {Message}";

    /// <summary>The lower-case severity word used in messages.</summary>
    public static string SeverityName(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "info",
    };
}
