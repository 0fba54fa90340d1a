namespace ScrapeDsl.Language;

/// <summary>A rule file, read and validated: what the generator compiles and the interpreter runs.</summary>
/// <param name="Name">The C# record name; the extractor is <c>{Name}Extractor</c>.</param>
/// <param name="NameSpan">Where the name is written.</param>
/// <param name="Description">Free text, becomes the record's XML doc.</param>
/// <param name="Match">Which URLs the rule is for.</param>
/// <param name="Remove">Selectors whose elements are removed before any field is read.</param>
/// <param name="Fields">The fields in declared order.</param>
/// <param name="Examples">Saved pages the rule must handle.</param>
public sealed record Rule(
    string Name,
    SourceSpan NameSpan,
    string? Description,
    UrlMatch Match,
    EquatableArray<SelectorSpec> Remove,
    EquatableArray<Field> Fields,
    EquatableArray<Example> Examples)
{
    /// <summary>The file this rule extends (<c>extends:</c>), before resolution; null when none.</summary>
    public RuleReference? Extends { get; init; }

    /// <summary>
    /// True for a partial rule file (its file name starts with <c>_</c>): it only lends <c>remove</c> and
    /// <c>fields</c> to the rules that extend it and is never compiled or run on its own; <see cref="Name"/> is empty.
    /// </summary>
    public bool IsPartial { get; init; }
}

/// <summary>A reference to another rule file, as written (relative to the referring file's folder).</summary>
/// <param name="Path">The path as written.</param>
/// <param name="Span">Where it is written.</param>
public sealed record RuleReference(string Path, SourceSpan Span);

/// <summary>The <c>match</c> block.</summary>
/// <param name="Hosts">Host names, <c>*.</c> wildcards allowed.</param>
/// <param name="Paths">Path globs; empty means any path.</param>
/// <param name="Exclude">Path globs that are never this rule's.</param>
/// <param name="Priority">Higher wins when several rules match.</param>
public sealed record UrlMatch(EquatableArray<string> Hosts, EquatableArray<string> Paths, EquatableArray<string> Exclude, int Priority);

/// <summary>A CSS selector as written, with its position (for diagnostics at the YAML line).</summary>
public sealed record SelectorSpec(string Text, SourceSpan Span)
{
    /// <summary>For a rule-level <c>remove</c> selector inherited through <c>extends</c>: the partial file it is written in (<see cref="Span"/> is a position there).</summary>
    public string? InheritedFrom { get; init; }
}

/// <summary>An example page of a rule.</summary>
/// <param name="Page">The page path, relative to the rule file's folder.</param>
/// <param name="Url">The page's URL (for dispatch and relative links).</param>
/// <param name="PageSpan">Where the page path is written.</param>
public sealed record Example(string Page, string? Url, SourceSpan PageSpan);
