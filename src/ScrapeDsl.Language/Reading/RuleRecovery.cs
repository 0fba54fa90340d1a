using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ScrapeDsl.Language.Yaml;

namespace ScrapeDsl.Language;

/// <summary>
/// Builds a placeholder rule from a rule file that has errors, so the generator can still emit the record and the
/// extractor and code that uses them keeps binding while the author fixes the YAML (one error in the YAML, not one
/// per use of the record in C#). The placeholder keeps the name and every field that is valid on its own; each part is
/// judged by <see cref="RuleReader"/> itself (re-read in isolation), so recovery never invents a meaning. A field that
/// has an error is left out rather than guessed, because a guessed type would cause misleading C# errors.
/// </summary>
public static class RuleRecovery
{
    private const string Probe = "placeholder";

    /// <summary>
    /// The placeholder of a broken rule file, or null when not even its name can be read. A partial file
    /// (<c>_name.scrape.yaml</c>) has no name: its placeholder lends the fields and <c>remove</c> list that are valid,
    /// so the rules extending it keep their inherited properties. <c>extends</c> is kept when it is valid, and the
    /// generator resolves the placeholder like a rule.
    /// </summary>
    public static Rule? Recover(string path, string text)
    {
        var root = YamlTreeReader.Read(text ?? string.Empty, path, new List<RuleDiagnostic>());
        if (root is not YamlMapping map)
        {
            return null;
        }

        var isPartial = RuleReader.IsPartialPath(path);
        string head;
        string name;
        SourceSpan nameSpan;
        if (isPartial)
        {
            name = string.Empty;
            nameSpan = map.Span;
            head = string.Empty;
        }
        else
        {
            if (Get(map, "name") is not YamlScalar nameNode)
            {
                return null;
            }

            name = nameNode.Value.Trim();
            nameSpan = nameNode.Span;
            if (Names.CheckTypeName(name) is not null)
            {
                return null;
            }

            head = "\"name\": " + Quote(name) + ", ";
        }

        if (Get(map, "description") is YamlScalar description)
        {
            head += "\"description\": " + Write(description) + ", ";
        }

        var probeFields = "\"fields\": {" + Quote(Probe) + ": \"a\"}";
        var baseRule = Read(path, "{" + head + probeFields + "}");
        if (baseRule is null)
        {
            return null;
        }

        var match = !isPartial && Get(map, "match") is { } matchNode && Read(path, "{" + head + "\"match\": " + Write(matchNode) + ", " + probeFields + "}") is { } withMatch
            ? withMatch.Match
            : baseRule.Match;
        var remove = Get(map, "remove") is { } removeNode && Read(path, "{" + head + "\"remove\": " + Write(removeNode) + ", " + probeFields + "}") is { } withRemove
            ? withRemove.Remove
            : EquatableArray<SelectorSpec>.Empty;
        var extends = Get(map, "extends") is { } extendsNode && Read(path, "{" + head + "\"extends\": " + Write(extendsNode) + ", " + probeFields + "}") is { } withExtends
            ? withExtends.Extends
            : null;

        var fields = new List<Field>();
        if (Get(map, "fields") is YamlMapping fieldMap)
        {
            var properties = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in fieldMap.Entries)
            {
                var one = Read(path, "{" + head + "\"fields\": {" + Write(entry.Key) + ": " + Write(entry.Value) + "}}");
                if (one is { Fields.Count: 1 } && properties.Add(one.Fields[0].PropertyName))
                {
                    fields.Add(one.Fields[0]);
                }
            }

            // A nested record type is named {Property}Item: drop a field whose property would clash with it.
            fields.RemoveAll(field => fields.Exists(other => other.Type == FieldType.Record && Names.ItemTypeName(other.PropertyName) == field.PropertyName));
        }

        return new Rule(name, nameSpan, baseRule.Description, match, remove, EquatableArray.From(fields), EquatableArray<Example>.Empty)
        {
            Extends = extends,
            IsPartial = isPartial,
        };
    }

    private static Rule? Read(string path, string text) => RuleReader.Read(path, text).Rule;

    private static YamlNode? Get(YamlMapping map, string key)
    {
        foreach (var entry in map.Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>Writes a node back as flow-style YAML with double-quoted scalars: same values, no layout to get wrong.</summary>
    private static string Write(YamlNode node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, YamlNode node)
    {
        switch (node)
        {
            case YamlScalar scalar:
                builder.Append(scalar.IsNull ? "~" : Quote(scalar.Value));
                break;
            case YamlSequence sequence:
                builder.Append('[');
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    Write(builder, sequence.Items[i]);
                }

                builder.Append(']');
                break;
            case YamlMapping mapping:
                builder.Append('{');
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ").Append(Quote(mapping.Entries[i].Key.Value)).Append(": ");
                    Write(builder, mapping.Entries[i].Value);
                }

                builder.Append('}');
                break;
        }
    }

    private static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '"' || c == '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (char.IsSurrogate(c))
            {
                // A valid pair is written as is; a lone surrogate cannot be written (nor escaped) in YAML.
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    builder.Append(c).Append(value[++i]);
                }
                else
                {
                    builder.Append('\uFFFD');
                }
            }
            else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFEFF' || c == '\u2028' || c == '\u2029')
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }
}
