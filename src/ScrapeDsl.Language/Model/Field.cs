namespace ScrapeDsl.Language;

/// <summary>The type a field's value is converted to.</summary>
public enum FieldType
{
    /// <summary><c>string</c></summary>
    String,

    /// <summary><c>int</c></summary>
    Int,

    /// <summary><c>decimal</c></summary>
    Decimal,

    /// <summary><c>bool</c></summary>
    Bool,

    /// <summary><c>datetime</c> → <c>DateTimeOffset</c></summary>
    DateTime,

    /// <summary><c>date</c> → <c>DateOnly</c></summary>
    Date,

    /// <summary><c>url</c> → absolute <c>Uri</c></summary>
    Url,

    /// <summary>A nested record (the field has <c>fields</c>).</summary>
    Record,
}

/// <summary>What a source reads from the element it selects.</summary>
public enum ValueKind
{
    /// <summary>Normalised text, block elements as line breaks.</summary>
    Text,

    /// <summary>Sanitized inner HTML.</summary>
    Html,

    /// <summary>One attribute's value.</summary>
    Attribute,
}

/// <summary>One field of a rule or of a nested record.</summary>
/// <param name="Name">The name as written (also the JSON name).</param>
/// <param name="PropertyName">The C# property name (PascalCase of <paramref name="Name"/>).</param>
/// <param name="NameSpan">Where the name is written.</param>
/// <param name="Type">The value type.</param>
/// <param name="Many">A list of values instead of one.</param>
/// <param name="Required">A missing value makes the result unsuccessful; the property is non-nullable.</param>
/// <param name="Sources">The primary source followed by the fallbacks, in order.</param>
/// <param name="Remove">Selectors removed inside this field's element only.</param>
/// <param name="Fields">The nested record's fields when <paramref name="Type"/> is <see cref="FieldType.Record"/>.</param>
public sealed record Field(
    string Name,
    string PropertyName,
    SourceSpan NameSpan,
    FieldType Type,
    bool Many,
    bool Required,
    EquatableArray<Source> Sources,
    EquatableArray<SelectorSpec> Remove,
    EquatableArray<Field> Fields)
{
    /// <summary>The <c>transform</c> steps, applied in order to every value of every source.</summary>
    public EquatableArray<Transform> Transforms { get; init; } = EquatableArray<Transform>.Empty;

    /// <summary>
    /// For a field a rule inherits through <c>extends</c>: the partial file it is written in (its spans, and those of
    /// everything inside it, are positions in that file). Null for a field written in the rule's own file.
    /// </summary>
    public string? InheritedFrom { get; init; }
}

/// <summary>One place a value can come from.</summary>
/// <param name="Css">The selector, or null for the scope element itself (fields of list items).</param>
/// <param name="Value">What to read.</param>
/// <param name="Attribute">The attribute, when <paramref name="Value"/> is <see cref="ValueKind.Attribute"/>.</param>
public sealed record Source(SelectorSpec? Css, ValueKind Value, string? Attribute)
{
    /// <summary>Where the source looks (CSS unless it is <c>meta</c>, <c>jsonld</c>, <c>itemprop</c> or <c>const</c>).</summary>
    public SourceKind Kind { get; init; } = SourceKind.Css;

    /// <summary>The meta name, JSON-LD path, itemprop path or constant text.</summary>
    public string? Argument { get; init; }

    /// <summary>For <c>jsonld</c>: only objects of these <c>@type</c>s (empty: any).</summary>
    public EquatableArray<string> LdTypes { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Where the source is written (its kind key's value).</summary>
    public SourceSpan Span { get; init; }

    /// <summary>A fallback's own <c>transform</c> steps, applied before the field's.</summary>
    public EquatableArray<Transform> Transforms { get; init; } = EquatableArray<Transform>.Empty;
}

/// <summary>Where a source looks for its value.</summary>
public enum SourceKind
{
    /// <summary><c>css</c> (+ <c>attr</c>/<c>value</c>), or the item element itself.</summary>
    Css,

    /// <summary><c>meta: name-or-property</c></summary>
    Meta,

    /// <summary><c>jsonld: dotted.path</c> (+ <c>ldType</c>)</summary>
    JsonLd,

    /// <summary><c>itemprop: name</c> or <c>itemprop: outer.inner</c></summary>
    ItemProp,

    /// <summary><c>const: text</c></summary>
    Const,
}

/// <summary>The kind of a transform step.</summary>
public enum TransformKind
{
    /// <summary><c>normalize</c>: whitespace runs to one space, trimmed.</summary>
    Normalize,

    /// <summary><c>regex: pattern</c> (+ <c>group</c>): extract a group; no match is no value.</summary>
    Regex,

    /// <summary><c>replace: pattern</c> + <c>with</c>.</summary>
    Replace,

    /// <summary><c>stripPrefix: text</c></summary>
    StripPrefix,

    /// <summary><c>stripSuffix: text</c></summary>
    StripSuffix,

    /// <summary><c>split: pattern</c> (a list field only).</summary>
    Split,

    /// <summary><c>date: format(s)</c> + <c>culture</c>, <c>timeZone</c>, <c>yearFromUrl</c>.</summary>
    Date,

    /// <summary><c>number: culture</c></summary>
    Number,

    /// <summary><c>absoluteUrl</c></summary>
    AbsoluteUrl,

    /// <summary><c>custom: MethodName</c>: a static method of the partial extractor class.</summary>
    Custom,
}

/// <summary>One step of a field's <c>transform</c> list.</summary>
/// <param name="Kind">What the step does.</param>
/// <param name="Text">The pattern, prefix, suffix, separator pattern, culture (number) or method name.</param>
/// <param name="Span">Where the step is written.</param>
public sealed record Transform(TransformKind Kind, string Text, SourceSpan Span)
{
    /// <summary><c>replace</c>: the replacement (<c>$1</c> refers to groups).</summary>
    public string? Replacement { get; init; }

    /// <summary><c>regex</c>: the group to extract (default: 1 when the pattern has a group, else 0).</summary>
    public int Group { get; init; }

    /// <summary><c>date</c>: the formats, tried in order.</summary>
    public EquatableArray<string> Formats { get; init; } = EquatableArray<string>.Empty;

    /// <summary><c>date</c>: the culture name (default <c>invariant</c>, written as the empty string).</summary>
    public string? Culture { get; init; }

    /// <summary><c>date</c>: the IANA time zone id for formats without an offset.</summary>
    public string? TimeZone { get; init; }

    /// <summary><c>date</c>: a regex over the page URL whose group 1 is the year, for formats without a year.</summary>
    public string? YearFromUrl { get; init; }
}
