using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ScrapeDsl;

/// <summary>
/// The one JSON form of an extraction result, shared by generated records, the interpreter and the CLI so that
/// the same rule gives byte-identical output either way: fields in declared order, ISO 8601 dates,
/// non-ASCII text unescaped, <c>\n</c> newlines, missing values as <c>null</c>.
/// </summary>
public static class ResultJson
{
    /// <summary>The writer options every output uses.</summary>
    public static JsonWriterOptions Options { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <summary>The result as indented JSON text.</summary>
    public static string Serialize(IExtractionResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            Write(writer, result);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Writes <c>{ rule, url, success, value, problems }</c>.</summary>
    public static void Write(Utf8JsonWriter writer, IExtractionResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("rule", result.Rule);
        Write(writer, "url", result.Url);
        writer.WriteBoolean("success", result.Success);
        writer.WritePropertyName("value");
        result.Partial.WriteJson(writer);
        WriteProblems(writer, result.Problems);
        writer.WriteEndObject();
    }

    /// <summary>Writes the <c>problems</c> array: field, kind, whether it is an error, the fallback number, the message.</summary>
    public static void WriteProblems(Utf8JsonWriter writer, IReadOnlyList<FieldProblem> problems)
    {
        writer.WriteStartArray("problems");
        foreach (var problem in problems)
        {
            writer.WriteStartObject();
            writer.WriteString("field", problem.Field);
            writer.WriteString("kind", KindName(problem.Kind));
            writer.WriteBoolean("error", problem.IsError);
            if (problem.SourceIndex is { } index)
            {
                writer.WriteNumber("fallback", index);
            }

            writer.WriteString("message", problem.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>The JSON name of a problem kind.</summary>
    public static string KindName(ProblemKind kind) => kind switch
    {
        ProblemKind.Missing => "missing",
        ProblemKind.FallbackUsed => "fallbackUsed",
        ProblemKind.ConversionFailed => "conversionFailed",
        ProblemKind.ParseStopped => "parseStopped",
        ProblemKind.RegexTimedOut => "regexTimedOut",
        _ => kind.ToString(),
    };

    /// <summary>Writes a named value of any field type (string, number, bool, date, URL, record, or a list of those).</summary>
    public static void Write(Utf8JsonWriter writer, string name, object? value)
    {
        writer.WritePropertyName(name);
        WriteValue(writer, value);
    }

    /// <summary>Writes a value of any field type.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case DateTimeOffset instant:
                writer.WriteStringValue(instant.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case Uri url:
                writer.WriteStringValue(url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString);
                break;
            case IExtractedRecord record:
                record.WriteJson(writer);
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"A field value of type {value.GetType()} has no JSON form.", nameof(value));
        }
    }
}
