using System.Collections.Generic;
using System.Text.Json;

namespace ScrapeDsl.Interpreter;

/// <summary>A record read by an interpreted rule: field names and values in declared order.</summary>
public sealed class InterpretedRecord : IExtractedRecord
{
    internal InterpretedRecord(IReadOnlyList<KeyValuePair<string, object?>> fields) => Fields = fields;

    /// <summary>The fields in declared order; values are the same CLR types generated records use.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Fields { get; }

    /// <summary>The value of a field, or null.</summary>
    public object? this[string name]
    {
        get
        {
            foreach (var field in Fields)
            {
                if (field.Key == name)
                {
                    return field.Value;
                }
            }

            return null;
        }
    }

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var field in Fields)
        {
            ResultJson.Write(writer, field.Key, field.Value);
        }

        writer.WriteEndObject();
    }
}
