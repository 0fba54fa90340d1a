using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using DiffPlex.Renderer;

namespace ScrapeDsl.Examples;

/// <summary>One field whose value differs between the verified snapshot and the new output.</summary>
/// <param name="Field">The field name (or <c>success</c>, <c>problems</c>, <c>rule</c>, <c>url</c>).</param>
/// <param name="Old">The verified value as compact JSON, or null when the field is new.</param>
/// <param name="New">The new value as compact JSON, or null when the field is gone.</param>
public sealed record FieldChange(string Field, string? Old, string? New)
{
    /// <summary>Reads like <c>field title changed: "old" → "new"</c>.</summary>
    public override string ToString() =>
        Old is null ? $"field {Field} added: {New}"
        : New is null ? $"field {Field} removed (was {Old})"
        : $"field {Field} changed:\n    old: {Old}\n    new: {New}";
}

/// <summary>Compares extraction snapshots field by field, then as text, so a failure says "title changed" before the diff.</summary>
public static class SnapshotComparison
{
    private const int MaxShown = 300;

    /// <summary>The changed fields, in the order they appear in the new output (then removed ones).</summary>
    public static IReadOnlyList<FieldChange> FieldChanges(string verified, string received)
    {
        var changes = new List<FieldChange>();
        JsonDocument oldDocument;
        JsonDocument newDocument;
        try
        {
            oldDocument = JsonDocument.Parse(verified);
            newDocument = JsonDocument.Parse(received);
        }
        catch (JsonException)
        {
            return changes;
        }

        using (oldDocument)
        using (newDocument)
        {
            var oldFields = Flatten(oldDocument.RootElement);
            var newFields = Flatten(newDocument.RootElement);
            foreach (var (name, value) in newFields)
            {
                var old = Find(oldFields, name);
                if (old != value)
                {
                    changes.Add(new FieldChange(name, Shorten(old), Shorten(value)));
                }
            }

            foreach (var (name, value) in oldFields)
            {
                if (Find(newFields, name) is null)
                {
                    changes.Add(new FieldChange(name, Shorten(value), null));
                }
            }
        }

        return changes;
    }

    /// <summary>A unified diff of the two texts (whitespace is significant).</summary>
    public static string UnifiedDiff(string verified, string received, string verifiedName, string receivedName) =>
        UnidiffRenderer.GenerateUnidiff(verified, received, verifiedName, receivedName, ignoreWhitespace: false).Replace("\r\n", "\n");

    // The record's fields are compared one by one; the envelope (rule, url, success, problems) as whole values.
    private static List<(string Name, string Value)> Flatten(JsonElement root)
    {
        var fields = new List<(string, string)>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            fields.Add(("(document)", root.GetRawText()));
            return fields;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (property.Name == "value" && property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in property.Value.EnumerateObject())
                {
                    fields.Add((field.Name, Compact(field.Value)));
                }
            }
            else
            {
                fields.Add((property.Name, Compact(property.Value)));
            }
        }

        return fields;
    }

    private static string? Find(List<(string Name, string Value)> fields, string name)
    {
        foreach (var (fieldName, value) in fields)
        {
            if (string.Equals(fieldName, name, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    private static string Compact(JsonElement element)
    {
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = ResultJson.Options.Encoder }))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string? Shorten(string? value) =>
        value is null || value.Length <= MaxShown ? value : value.Substring(0, MaxShown) + "…";
}
