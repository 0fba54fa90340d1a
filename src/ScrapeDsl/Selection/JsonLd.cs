using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ScrapeDsl;

/// <summary>
/// The JSON-LD of one page, parsed once on first use: every object of every
/// <c>&lt;script type="application/ld+json"&gt;</c> in document order, with top-level arrays and <c>@graph</c>
/// flattened. A block that is malformed, deeper than 64 levels or larger than 1 MB is skipped, never fatal.
/// </summary>
internal sealed class JsonLd
{
    private const int MaxBlockLength = 1_000_000;
    private static readonly JsonDocumentOptions s_options = new()
    {
        MaxDepth = 64,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private readonly List<JsonElement> _objects = new();

    public JsonLd(IEnumerable<string> blocks)
    {
        foreach (var block in blocks)
        {
            if (block.Length > MaxBlockLength)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(block, s_options);
                Flatten(document.RootElement.Clone(), _objects, depth: 0);
            }
            catch (JsonException)
            {
                // Malformed JSON-LD is common in the wild; the other blocks still count.
            }
        }
    }

    /// <summary>Adds the values at <paramref name="path"/> of every object (of one of <paramref name="types"/>, if any).</summary>
    public void Evaluate(string[] path, string[] types, bool all, List<string> output)
    {
        var current = new List<JsonElement>();
        var next = new List<JsonElement>();
        foreach (var root in _objects)
        {
            if (types.Length > 0 && !HasType(root, types))
            {
                continue;
            }

            current.Clear();
            current.Add(root);
            foreach (var step in path)
            {
                next.Clear();
                foreach (var value in current)
                {
                    if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(step, out var property))
                    {
                        Expand(property, next, depth: 0);
                    }
                }

                (current, next) = (next, current);
            }

            foreach (var leaf in current)
            {
                if (Text(leaf) is { Length: > 0 } text)
                {
                    output.Add(text);
                    if (!all)
                    {
                        return;
                    }
                }
            }
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => TextContent.NormalizeInline(value.GetString() ?? string.Empty),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Object when value.TryGetProperty("@value", out var inner) => Text(inner),
        _ => null,
    };

    private static bool HasType(JsonElement value, string[] types)
    {
        if (!value.TryGetProperty("@type", out var type))
        {
            return false;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return Array.IndexOf(types, type.GetString()) >= 0;
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in type.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && Array.IndexOf(types, item.GetString()) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void Flatten(JsonElement value, List<JsonElement> objects, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                Flatten(item, objects, depth + 1);
            }
        }
        else if (value.ValueKind == JsonValueKind.Object)
        {
            objects.Add(value);
            if (value.TryGetProperty("@graph", out var graph))
            {
                Flatten(graph, objects, depth + 1);
            }
        }
    }

    private static void Expand(JsonElement value, List<JsonElement> into, int depth)
    {
        if (value.ValueKind == JsonValueKind.Array && depth < 8)
        {
            foreach (var item in value.EnumerateArray())
            {
                Expand(item, into, depth + 1);
            }
        }
        else
        {
            into.Add(value);
        }
    }
}
