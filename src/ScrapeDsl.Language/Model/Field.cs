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
    EquatableArray<Field> Fields);

/// <summary>One place a value can come from.</summary>
/// <param name="Css">The selector, or null for the scope element itself (fields of list items).</param>
/// <param name="Value">What to read.</param>
/// <param name="Attribute">The attribute, when <paramref name="Value"/> is <see cref="ValueKind.Attribute"/>.</param>
public sealed record Source(SelectorSpec? Css, ValueKind Value, string? Attribute);
