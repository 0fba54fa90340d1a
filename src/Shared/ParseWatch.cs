using System;
using System.Diagnostics;
using System.Threading;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Text;

namespace ScrapeDsl.Parsing;

/// <summary>
/// Runs an AngleSharp parse under a time limit: one background thread looks at the parses in progress every 50 ms and
/// moves the text source of one that has run past its deadline to the end of its text. The tokenizer then reads the end
/// of the file, and the tree builder closes what is open and returns the document as far as it got (HTML's rules for a
/// page that ends early).
/// </summary>
/// <remarks>
/// Why: markup that leaves thousands of elements open makes AngleSharp's tree builder (as the HTML standard's algorithm)
/// search a deep stack for every token, so its parse grows with the square of its length (20,000 × <c>&lt;ul&gt;&lt;li&gt;</c>,
/// 160 KB: 8.4 s). A parse can be cancelled only between tokens, and AngleSharp checks a cancellation token only on its
/// asynchronous path, which costs 1–4 % of every parse; a parse under this watch pays a clock read and two stores.
/// Shared by the runtime (<c>PageParser</c>) and the example checks (<c>ExampleDocument</c>), which parse the same pages.
/// </remarks>
internal static class ParseWatch
{
    // How often the watchdog looks at the parses in progress: a stopped parse ends at most about this much after its limit.
    private const int PeriodMilliseconds = 50;

    private static readonly object s_gate = new();

    // Browser WebAssembly and WASI may have no second thread to watch from; there a parse has no limit.
#if NET
    private static readonly bool s_canWatch = !OperatingSystem.IsBrowser() && !OperatingSystem.IsWasi();
#else
    private static readonly bool s_canWatch = true;
#endif

    // One lane per thread that has parsed under watch; the watchdog reads them all. Replaced whole under s_gate.
    private static Lane[] s_lanes = [];
    private static Thread? s_watchdog;

    [ThreadStatic]
    private static Lane? t_lane;

    /// <summary>Throws unless <paramref name="timeLimit"/> is positive or <see cref="Timeout.InfiniteTimeSpan"/>.</summary>
    public static TimeSpan Validate(TimeSpan timeLimit) =>
        timeLimit > TimeSpan.Zero || timeLimit == Timeout.InfiniteTimeSpan
            ? timeLimit
            : throw new ArgumentOutOfRangeException(nameof(timeLimit), timeLimit, "a parse time limit is positive, or Timeout.InfiniteTimeSpan for none");

    /// <summary>Parses <paramref name="text"/> with <paramref name="parser"/>, stopping the parse at <paramref name="timeLimit"/>.</summary>
    /// <returns>The document, and where in the text the parse was stopped (null when it read the whole text).</returns>
    public static (IDocument Document, int? StoppedAt) Parse(HtmlParser parser, ReadOnlyMemoryTextSource text, TimeSpan timeLimit)
    {
        var source = new TextSource(text);
        if (Validate(timeLimit) == Timeout.InfiniteTimeSpan || !s_canWatch)
        {
            return (parser.ParseDocument(source), null);
        }

        var lane = t_lane ?? Join();

        // A limit too long to count in timestamps (TimeSpan.MaxValue is 29,000 years) never comes.
        var ticks = timeLimit.TotalSeconds * Stopwatch.Frequency;
        var parse = new Watched(source, ticks < long.MaxValue / 2 ? Stopwatch.GetTimestamp() + (long)ticks : long.MaxValue);
        Volatile.Write(ref lane.Current, parse);
        try
        {
            var document = parser.ParseDocument(source);

            // Read before the parse leaves the watch: a stop after this moment came after the whole text was read.
            var stoppedAt = Volatile.Read(ref parse.StoppedAt);
            return (document, stoppedAt >= 0 ? Math.Min(stoppedAt, text.Length) : null);
        }
        catch (Exception) when (Volatile.Read(ref parse.StoppedAt) >= 0)
        {
            // Moving the source under a running tokenizer could, in principle, make it read past the end (never seen).
            // The page was being stopped anyway: report it stopped with nothing read.
            return (parser.ParseDocument(string.Empty), 0);
        }
        finally
        {
            Volatile.Write(ref lane.Current, null);
        }
    }

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
            Thread.Sleep(PeriodMilliseconds);
            var now = Stopwatch.GetTimestamp();
            var ended = false;
            foreach (var lane in Volatile.Read(ref s_lanes))
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
                    s_lanes = Array.FindAll(s_lanes, static lane => lane.Owner.IsAlive);
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
        /// Moves the source to its end. Called again on every look until the parse returns, since the tokenizer's own
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
