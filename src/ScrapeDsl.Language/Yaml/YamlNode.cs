using System.Collections.Generic;

namespace ScrapeDsl.Language.Yaml;

/// <summary>A node of a rule file's YAML, with its exact position. Every scalar is text: no type tags are resolved.</summary>
public abstract class YamlNode
{
    /// <summary>Creates a node at a span.</summary>
    protected YamlNode(SourceSpan span) => Span = span;

    /// <summary>Where the node is written.</summary>
    public SourceSpan Span { get; }

    /// <summary>A word for messages: "text", "a mapping", "a list".</summary>
    public abstract string KindName { get; }
}

/// <summary>A scalar (plain, quoted or block).</summary>
public sealed class YamlScalar : YamlNode
{
    /// <summary>Creates a scalar.</summary>
    public YamlScalar(string value, bool isPlain, SourceSpan span)
        : base(span)
    {
        Value = value;
        IsPlain = isPlain;
    }

    /// <summary>The text as YAML reads it (quotes and escapes resolved).</summary>
    public string Value { get; }

    /// <summary>True for an unquoted scalar (so <c>~</c>, <c>null</c> and an empty value mean "nothing").</summary>
    public bool IsPlain { get; }

    /// <summary>True for an unquoted empty, <c>~</c> or <c>null</c> scalar.</summary>
    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    /// <inheritdoc />
    public override string KindName => IsNull ? "empty" : "text";
}

/// <summary>A mapping, keys in written order.</summary>
public sealed class YamlMapping : YamlNode
{
    /// <summary>Creates a mapping.</summary>
    public YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries, SourceSpan span)
        : base(span) => Entries = entries;

    /// <summary>The entries in written order (duplicates already reported and dropped).</summary>
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; }

    /// <inheritdoc />
    public override string KindName => "a mapping";
}

/// <summary>A sequence.</summary>
public sealed class YamlSequence : YamlNode
{
    /// <summary>Creates a sequence.</summary>
    public YamlSequence(IReadOnlyList<YamlNode> items, SourceSpan span)
        : base(span) => Items = items;

    /// <summary>The items in order.</summary>
    public IReadOnlyList<YamlNode> Items { get; }

    /// <inheritdoc />
    public override string KindName => "a list";
}
