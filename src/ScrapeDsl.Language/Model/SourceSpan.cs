namespace ScrapeDsl.Language;

/// <summary>
/// Where something is in a rule file: character offset and length, and 1-based line and column of its
/// start and end (as editors and <c>path(line,col)</c> messages show them).
/// </summary>
public readonly record struct SourceSpan(int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>Renders as <c>(line,col)</c>.</summary>
    public override string ToString() => $"({StartLine},{StartColumn})-({EndLine},{EndColumn})";
}
