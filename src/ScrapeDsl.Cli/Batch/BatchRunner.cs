using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AngleSharp.Html.Parser;

namespace ScrapeDsl.Cli.Batch;

/// <summary>
/// Runs rules over many saved pages on several threads. Each page is read, decoded, parsed, extracted, written as
/// one JSON line and dropped before the worker takes the next, so memory stays bounded by the number of threads,
/// not the number of pages. A bad page (unreadable, empty, garbage, no URL, no rule) becomes a failure line and
/// the run goes on.
/// </summary>
internal sealed class BatchRunner
{
    private static readonly JsonWriterOptions s_lineOptions = ResultJson.Options with { Indented = false };

    private readonly ExtractorRegistry _registry;
    private readonly UrlList _urls;
    private readonly string? _charset;
    private readonly ThreadLocal<HtmlParser> _parser = new(() => new HtmlParser());

    public BatchRunner(ExtractorRegistry registry, UrlList urls, string? charset)
    {
        _registry = registry;
        _urls = urls;
        _charset = charset;
    }

    public DriftReport Report { get; } = new();

    /// <summary>Runs every file; <paramref name="progress"/> is called after each page with the number done so far.</summary>
    public void Run(IReadOnlyList<string> files, Stream output, int threads, Action<int, int>? progress = null)
    {
        var done = 0;
        var gate = new object();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };

        // NoBuffering: a worker takes one file at a time, so no thread sits on a queue of pages.
        Parallel.ForEach(Partitioner.Create(files, EnumerablePartitionerOptions.NoBuffering), options, file =>
        {
            var line = Process(file);
            lock (gate)
            {
                output.Write(line.WrittenSpan);
                output.WriteByte((byte)'\n');
            }

            progress?.Invoke(Interlocked.Increment(ref done), Report.Failed);
        });
        output.Flush();
    }

    private ArrayBufferWriter<byte> Process(string file)
    {
        Uri? url = null;
        try
        {
            var bytes = File.ReadAllBytes(file);
            if (bytes.Length == 0)
            {
                return Failure(file, null, "empty file", "empty file");
            }

            var document = _parser.Value!.ParseDocument(PageText.Decode(bytes, _charset));
            url = _urls.Find(file) ?? PageUrl.Find(document);
            IExtractor? extractor;
            if (url is null)
            {
                extractor = _registry.All.Count == 1 ? _registry.All[0] : null;
                if (extractor is null)
                {
                    return Failure(file, null, "no URL: the page has no canonical link or og:url, and --urls has no entry", "no URL");
                }
            }
            else
            {
                extractor = _registry.Find(url);
                if (extractor is null)
                {
                    return Failure(file, url, "no rule matches " + url.AbsoluteUri, "no rule matches the URL");
                }
            }

            return Extracted(file, extractor.ExtractUntyped(document, url));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return Failure(file, url, "unreadable: " + error.Message, "unreadable file");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A bug in a rule or the runtime must not stop a batch of thousands of pages: record it and go on.
            return Failure(file, url, "internal error: " + error.GetType().Name + ": " + error.Message, "internal error");
        }
    }

    private ArrayBufferWriter<byte> Extracted(string file, IExtractionResult result)
    {
        var value = new ArrayBufferWriter<byte>();
        using (var valueWriter = new Utf8JsonWriter(value, s_lineOptions))
        {
            result.Partial.WriteJson(valueWriter);
        }

        var fields = new List<(string, bool, bool)>();
        using (var parsed = JsonDocument.Parse(value.WrittenMemory))
        {
            foreach (var property in parsed.RootElement.EnumerateObject())
            {
                var hit = HasValue(property.Value);
                var fallback = false;
                foreach (var problem in result.Problems)
                {
                    if (problem.Field == property.Name)
                    {
                        hit &= problem.Kind == ProblemKind.FallbackUsed;
                        fallback |= problem.Kind == ProblemKind.FallbackUsed;
                    }
                }

                fields.Add((property.Name, hit, fallback));
            }
        }

        Report.AddExtracted(result.Rule, result.Success, fields);

        var line = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(line, s_lineOptions);
        writer.WriteStartObject();
        writer.WriteString("file", file);
        ResultJson.Write(writer, "url", result.Url);
        writer.WriteString("rule", result.Rule);
        writer.WriteBoolean("success", result.Success);
        writer.WritePropertyName("value");
        writer.WriteRawValue(value.WrittenSpan, skipInputValidation: true);
        ResultJson.WriteProblems(writer, result.Problems);
        writer.WriteEndObject();
        writer.Flush();
        return line;
    }

    private ArrayBufferWriter<byte> Failure(string file, Uri? url, string error, string reason)
    {
        Report.AddFailure(reason);
        var line = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(line, s_lineOptions);
        writer.WriteStartObject();
        writer.WriteString("file", file);
        ResultJson.Write(writer, "url", url);
        writer.WriteNull("rule");
        writer.WriteBoolean("success", false);
        writer.WriteString("error", error);
        writer.WriteEndObject();
        writer.Flush();
        return line;
    }

    private static bool HasValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => false,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Array => value.GetArrayLength() > 0,
        _ => true,
    };
}
