using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Text;

namespace ScrapeDsl;

/// <summary>
/// Parses page text the way every extraction does (<see cref="Page.ParserOptions"/>) and stops a parse that runs past
/// <see cref="TimeLimit"/>, so that a hostile or broken page costs a bounded time instead of minutes.
/// </summary>
/// <remarks>
/// <para>
/// Why a limit: AngleSharp's tree builder, like the HTML standard's algorithm it follows, looks through its stack of open
/// elements for many tokens, so markup that leaves thousands of elements open costs time quadratic in its length. 20,000
/// repetitions of <c>&lt;ul&gt;&lt;li&gt;</c> (160 KB) take 8.4 s to parse on the benchmark machine, and no size limit
/// separates such a page from a real one: the RBC article is 1 MB and parses in 2 ms.
/// </para>
/// <para>
/// Why a watchdog: a parse can only be cancelled between tokens, and AngleSharp checks a cancellation token only on its
/// asynchronous path, which costs 1–4 % of every parse. Instead, one background thread looks at the parses in progress
/// every 50 ms and moves the text source of one that has run past its deadline to the end of its
/// text. The tokenizer then reads the end of the file, and the tree builder closes what is open and returns the document
/// as far as it got (HTML's rules for a page that ends early). A parse that stays within its limit pays a clock read and
/// two stores.
/// </para>
/// </remarks>
public static class PageParser
{
    // How often the watchdog looks at the parses in progress: a stopped parse ends at most about this much after its limit.
    private const int WatchPeriodMilliseconds = 50;

    private static readonly HtmlParser s_parser = new(Page.ParserOptions);

    // Browser WebAssembly and WASI may have no second thread to watch from; there a parse has no limit.
    private static readonly bool s_canWatch = !OperatingSystem.IsBrowser() && !OperatingSystem.IsWasi();
    private static readonly object s_gate = new();
    private static long s_timeLimitTicks = TimeSpan.FromSeconds(2).Ticks;

    // One lane per thread that has parsed with a limit; the watchdog reads them all. Replaced whole under s_gate.
    private static Lane[] s_lanes = [];
    private static Thread? s_watchdog;

    [ThreadStatic]
    private static Lane? t_lane;

    /// <summary>
    /// How long one page may take to parse before the parse is stopped (default 2 s, about a thousand times what the
    /// largest example page takes); <see cref="Timeout.InfiniteTimeSpan"/> for no limit. Process-wide: set it once at
    /// start-up. <c>scrape batch --parse-limit</c> sets it for a batch. Where the runtime cannot start a thread of its
    /// own (browser WebAssembly, WASI), parses run without a limit.
    /// </summary>
    public static TimeSpan TimeLimit
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref s_timeLimitTicks));
        set => Interlocked.Exchange(ref s_timeLimitTicks, Validate(value).Ticks);
    }

    /// <summary>Parses page text with <see cref="TimeLimit"/>.</summary>
    public static ParsedDocument Parse(string html) => Parse(html, TimeLimit);

    /// <summary>Parses page text with the given time limit (<see cref="Timeout.InfiniteTimeSpan"/> for none).</summary>
    public static ParsedDocument Parse(string html, TimeSpan timeLimit)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Parse(new ReadOnlyMemoryTextSource(html), html.Length, timeLimit);
    }

    /// <summary>Parses page text held in memory the caller owns (the document may refer to it while it lives), with <see cref="TimeLimit"/>.</summary>
    public static ParsedDocument Parse(ReadOnlyMemory<char> html) =>
        Parse(new ReadOnlyMemoryTextSource(html), html.Length, TimeLimit);

    private static ParsedDocument Parse(ReadOnlyMemoryTextSource text, int length, TimeSpan timeLimit)
    {
        var source = new TextSource(text);
        if (Validate(timeLimit) == Timeout.InfiniteTimeSpan || !s_canWatch)
        {
            return new ParsedDocument(s_parser.ParseDocument(source), length, null, timeLimit);
        }

        var lane = t_lane ?? Join();
        // A limit too long to count in timestamps (TimeSpan.MaxValue is 29,000 years) never comes.
        var ticks = timeLimit.TotalSeconds * Stopwatch.Frequency;
        var parse = new Watched(source, ticks < long.MaxValue / 2 ? Stopwatch.GetTimestamp() + (long)ticks : long.MaxValue);
        Volatile.Write(ref lane.Current, parse);
        try
        {
            var document = s_parser.ParseDocument(source);
            var stoppedAt = Volatile.Read(ref parse.StoppedAt);
            return new ParsedDocument(document, length, stoppedAt >= 0 ? Math.Min(stoppedAt, length) : null, timeLimit);
        }
        catch (Exception) when (Volatile.Read(ref parse.StoppedAt) >= 0)
        {
            // Moving the source under a running tokenizer could, in principle, make it read past the end (never seen).
            // The page was being stopped anyway: report it stopped with nothing read.
            return new ParsedDocument(s_parser.ParseDocument(string.Empty), length, 0, timeLimit);
        }
        finally
        {
            Volatile.Write(ref lane.Current, null);
        }
    }

    private static TimeSpan Validate(TimeSpan timeLimit) =>
        timeLimit > TimeSpan.Zero || timeLimit == Timeout.InfiniteTimeSpan
            ? timeLimit
            : throw new ArgumentOutOfRangeException(nameof(timeLimit), timeLimit, "a parse time limit is positive, or Timeout.InfiniteTimeSpan for none");

    private static Lane Join()
    {
        var lane = new Lane(Thread.CurrentThread);
        lock (s_gate)
        {
            s_lanes = [.. s_lanes, lane];
            if (s_watchdog is null)
            {
                s_watchdog = new Thread(Watch, maxStackSize: 256 * 1024)
                {
                    IsBackground = true,
                    Name = "ScrapeDsl parse watchdog",
                };
                s_watchdog.Start();
            }
        }

        t_lane = lane;
        return lane;
    }

    private static void Watch()
    {
        while (true)
        {
            Thread.Sleep(WatchPeriodMilliseconds);
            var now = Stopwatch.GetTimestamp();
            var lanes = Volatile.Read(ref s_lanes);
            var ended = false;
            foreach (var lane in lanes)
            {
                if (Volatile.Read(ref lane.Current) is { } parse && now >= parse.Deadline)
                {
                    parse.Stop();
                }

                ended |= !lane.Owner.IsAlive;
            }

            if (ended)
            {
                // Thread-pool threads come and go: forget the lanes of threads that have ended.
                lock (s_gate)
                {
                    s_lanes = Array.FindAll(s_lanes, lane => lane.Owner.IsAlive);
                }
            }
        }
    }

    /// <summary>The parse a thread is running, if any.</summary>
    private sealed class Lane(Thread owner)
    {
        public readonly Thread Owner = owner;
        public Watched? Current;
    }

    /// <summary>One parse under watch.</summary>
    private sealed class Watched(TextSource source, long deadline)
    {
        public readonly long Deadline = deadline;

        /// <summary>Where the tokenizer was when the watchdog first stopped the parse; -1 while it runs.</summary>
        public int StoppedAt = -1;

        /// <summary>
        /// Moves the source to its end. Called again on every watch until the parse returns, since the tokenizer's own
        /// write of its position can overwrite this one.
        /// </summary>
        public void Stop()
        {
            if (StoppedAt < 0)
            {
                Volatile.Write(ref StoppedAt, source.Index);
            }

            source.Index = source.Length;
        }
    }
}

/// <summary>A document parsed by <see cref="PageParser"/>, and whether its parse was stopped at the time limit.</summary>
/// <param name="Document">The document; when <see cref="Stopped"/>, it holds the page up to <see cref="StoppedAt"/> only.</param>
/// <param name="Length">The length of the page text, in characters.</param>
/// <param name="StoppedAt">Where in the text the parse was stopped (characters), or null when it read the whole page.</param>
/// <param name="TimeLimit">The limit the parse ran with.</param>
public readonly record struct ParsedDocument(IDocument Document, int Length, int? StoppedAt, TimeSpan TimeLimit)
{
    /// <summary>True when the parse ran past its time limit and the document holds only the part of the page read until then.</summary>
    public bool Stopped => StoppedAt is not null;

    /// <summary>Why the document is incomplete, for a report; null when it is not.</summary>
    public string? StopMessage => StoppedAt is { } at
        ? string.Format(
            CultureInfo.InvariantCulture,
            "the page took longer than {0:0.###} s to parse and was read up to character {1:N0} of {2:N0}: its markup leaves too many elements open (a hostile or broken page), or the limit (PageParser.TimeLimit, scrape batch --parse-limit) is too low for it; fields were read from the part before that",
            TimeLimit.TotalSeconds,
            at,
            Length)
        : null;
}
