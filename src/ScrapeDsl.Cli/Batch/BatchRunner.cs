using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

using ScrapeDsl.Examples;

namespace ScrapeDsl.Cli.Batch;

/// <summary>
/// Runs rules over many saved pages on several threads. Each page is read, decoded, parsed, extracted, written as
/// one JSON line and dropped before the worker takes the next, so memory stays bounded by the number of threads,
/// not the number of pages. A bad page (unreadable, not a regular file, empty, larger than the size limit, garbage, no
/// URL, no rule, a parse stopped at <see cref="PageParser.TimeLimit"/>) becomes a failure line and the run goes on. Each
/// line is flushed to the output as its page finishes. Each worker reads
/// and decodes into two arrays of its own that it reuses for every page (they grow to the largest page read, which the
/// size limit bounds), so pages do not each allocate a large-object-heap byte[] and string.
/// </summary>
internal sealed class BatchRunner
{
    private static readonly JsonWriterOptions s_lineOptions = ResultJson.Options with { Indented = false };

    private readonly ExtractorRegistry _registry;
    private readonly UrlList _urls;
    private readonly string? _charset;
    private readonly long _maxPageBytes;

    /// <summary>A runner; <paramref name="maxPageBytes"/> is the largest page file it reads (<c>--max-page-size</c>).</summary>
    public BatchRunner(ExtractorRegistry registry, UrlList urls, string? charset, long maxPageBytes)
    {
        _registry = registry;
        _urls = urls;
        _charset = charset;
        _maxPageBytes = maxPageBytes;
    }

    public DriftReport Report { get; } = new();

    /// <summary>Runs every file; <paramref name="progress"/> is called after each page with the number done so far.</summary>
    public void Run(IReadOnlyList<string> files, Stream output, int threads, Action<int, int>? progress = null)
    {
        var done = 0;
        var gate = new object();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };

        // NoBuffering: a worker takes one file at a time, so no thread sits on a queue of pages. Parallel.ForEach ends
        // and restarts its tasks now and then; each task borrows a Worker (its buffers) from the pool and gives it
        // back, so at most `threads` Workers exist and their buffers are not grown again for every task.
        var workers = new ConcurrentBag<Worker>();
        Parallel.ForEach(
            Partitioner.Create(Schedule(files, threads), EnumerablePartitionerOptions.NoBuffering),
            options,
            () => workers.TryTake(out var idle) ? idle : new Worker(),
            (file, _, worker) =>
            {
                var line = Process(file, worker);
                lock (gate)
                {
                    // Flushed line by line, so that a run stopped or stuck on one page keeps the lines of the pages done,
                    // and a reader of the output sees each page when it is done. Over a buffered stream (as the command
                    // gives) that is one write per line.
                    output.Write(line.WrittenSpan);
                    output.WriteByte((byte)'\n');
                    output.Flush();
                }

                progress?.Invoke(Interlocked.Increment(ref done), Report.Failed);
                return worker;
            },
            workers.Add);
        output.Flush();
    }

    /// <summary>
    /// The order the workers take the pages in: as given for one thread; for more, the largest first (ties in the order
    /// given), so that no worker is left alone with a big page at the end of the run while the others wait. In the news
    /// corpus the four largest pages (1.7–2.7 MB) are 30 % of its bytes, and in path order they come among the last thirty.
    /// </summary>
    internal static IReadOnlyList<string> Schedule(IReadOnlyList<string> files, int threads)
    {
        if (threads <= 1 || files.Count <= 1)
        {
            return files;
        }

        var sizes = new long[files.Count];
        var order = new int[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            // A file that cannot be read sorts last; the worker reports it as a failure line.
            var file = new FileInfo(files[i]);
            sizes[i] = file.Exists ? file.Length : -1;
            order[i] = i;
        }

        Array.Sort(order, (a, b) => sizes[a] != sizes[b] ? sizes[b].CompareTo(sizes[a]) : a.CompareTo(b));
        return Array.ConvertAll(order, i => files[i]);
    }

    private ArrayBufferWriter<byte> Process(string file, Worker worker)
    {
        Uri? url = null;
        try
        {
            if (PageFile.NotRegular(file) is { } kind)
            {
                // Not opened: a FIFO would wait for a writer, and a device may never end.
                return Failure(file, null, "not a regular file: " + kind, "not a regular file");
            }

            var bytes = worker.Read(file, _maxPageBytes);
            if (bytes.Length == 0)
            {
                return Failure(file, null, "empty file", "empty file");
            }

            // The document may refer to the worker's text buffer until it is dropped, which is before the worker's next page.
            var parsed = PageParser.Parse(worker.Decode(bytes, _charset));
            var document = parsed.Document;
            url = _urls.Find(file) ?? PageUrl.Find(document);
            if (parsed.StopMessage is { } stopped)
            {
                // Extracting from part of a page would count its missing fields against the rule in the drift report.
                return Failure(file, url, stopped + " (--parse-limit sets the limit)", "parse stopped at the time limit");
            }

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
        catch (PageTooLargeException error)
        {
            return Failure(file, null, error.Message, "page too large");
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

    /// <summary>The two buffers a worker reads and decodes every page into (it parses as the runtime does, with <see cref="PageParser"/>).</summary>
    private sealed class Worker
    {
        private byte[] _bytes = [];
        private char[] _text = [];

        /// <summary>The file's bytes, in the worker's byte buffer (valid until the next call), if there are at most <paramref name="maxBytes"/>.</summary>
        public ReadOnlySpan<byte> Read(string file, long maxBytes)
        {
            // What File.ReadAllBytes does (same open options and exceptions; a file that reports no length is read to its
            // end too), into the reused buffer. Buffer size 1: no FileStream buffer of its own.
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var length = stream.CanSeek ? stream.Length : 0;
            if (length > maxBytes)
            {
                throw PageLimits.TooLarge($"'{file}'", length, maxBytes);
            }

            // One byte more than the length, so that the end is a read of 0 (and a file that grew meanwhile is read whole).
            Grow(ref _bytes, (int)Math.Min(Math.Max(length + 1, 4096), Array.MaxLength));
            var count = 0;
            while (true)
            {
                if (count > maxBytes)
                {
                    // A file that reports no length, or one that grew while being read.
                    throw PageLimits.TooLarge($"'{file}'", null, maxBytes);
                }

                if (count == _bytes.Length)
                {
                    if (count == Array.MaxLength)
                    {
                        throw PageLimits.TooLarge($"'{file}'", null, Array.MaxLength);
                    }

                    Array.Resize(ref _bytes, (int)Math.Min(2L * count, Array.MaxLength));
                }

                var read = stream.Read(_bytes.AsSpan(count));
                if (read == 0)
                {
                    return _bytes.AsSpan(0, count);
                }

                count += read;
            }
        }

        /// <summary>The page text as <see cref="PageText.Decode"/> gives it, in the worker's text buffer (valid until the next call).</summary>
        public ReadOnlyMemory<char> Decode(ReadOnlySpan<byte> bytes, string? charset)
        {
            var encoding = PageText.DetectEncoding(bytes, charset, out var preambleLength);
            var body = bytes.Slice(preambleLength);
            Grow(ref _text, encoding.GetMaxCharCount(body.Length));
            return _text.AsMemory(0, encoding.GetChars(body, _text));
        }

        private static void Grow<T>(ref T[] buffer, int length)
        {
            if (buffer.Length < length)
            {
                // Whole powers of two (capped), so a run of slowly growing pages reallocates a few times, not every page.
                buffer = new T[(int)Math.Min(Math.Max(length, (long)BitOperations.RoundUpToPowerOf2((uint)length)), Array.MaxLength)];
            }
        }
    }

    private static bool HasValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => false,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Array => value.GetArrayLength() > 0,
        _ => true,
    };
}
