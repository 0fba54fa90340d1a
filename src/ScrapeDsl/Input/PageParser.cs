using System;
using System.Globalization;
using System.Threading;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Text;
using ScrapeDsl.Parsing;

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
/// separates such a page from a real one: the RBC article is 290 KB and parses in 1.8 ms.
/// </para>
/// <para>
/// How: a parse can be cancelled only between tokens, and AngleSharp checks a cancellation token only on its
/// asynchronous path, which costs 1–4 % of every parse. Instead, one background thread looks at the parses in progress
/// every 50 ms and moves the text source of one that has run past its limit to the end of its text. The tokenizer then
/// reads the end of the file, and the tree builder closes what is open and returns the document as far as it got (HTML's
/// rules for a page that ends early). A parse within its limit pays a clock read and two stores.
/// </para>
/// </remarks>
public static class PageParser
{
    private static readonly HtmlParser s_parser = new(Page.ParserOptions);
    private static long s_timeLimitTicks = TimeSpan.FromSeconds(5).Ticks;

    /// <summary>
    /// How long one page may take to parse before the parse is stopped; <see cref="Timeout.InfiniteTimeSpan"/> for no
    /// limit. The default, 5 s, is twenty times the first parse of the largest page of the news corpus (2.7 MB, 0.25 s
    /// in a fresh process), because the limit counts wall-clock time, which a busy machine stretches. Process-wide: set it once at
    /// start-up. <c>--parse-limit</c> sets it for <c>scrape run</c> and <c>scrape batch</c>. Where the runtime cannot start a thread of its
    /// own (browser WebAssembly, WASI), parses run without a limit.
    /// </summary>
    public static TimeSpan TimeLimit
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref s_timeLimitTicks));
        set => Interlocked.Exchange(ref s_timeLimitTicks, ParseWatch.Validate(value).Ticks);
    }

    /// <summary>Parses page text with <see cref="TimeLimit"/>.</summary>
    public static ParsedDocument Parse(string html) => Parse(html, TimeLimit);

    /// <summary>Parses page text with the given time limit (<see cref="Timeout.InfiniteTimeSpan"/> for none).</summary>
    public static ParsedDocument Parse(string html, TimeSpan timeLimit)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Parse(new ReadOnlyMemoryTextSource(html), timeLimit);
    }

    /// <summary>Parses page text held in memory the caller owns (the document may refer to it while it lives), with <see cref="TimeLimit"/>.</summary>
    public static ParsedDocument Parse(ReadOnlyMemory<char> html) => Parse(new ReadOnlyMemoryTextSource(html), TimeLimit);

    private static ParsedDocument Parse(ReadOnlyMemoryTextSource text, TimeSpan timeLimit)
    {
        var (document, stoppedAt) = ParseWatch.Parse(s_parser, text, timeLimit);
        return new ParsedDocument(document, text.Length, stoppedAt, timeLimit);
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
            "the page took longer than {0:0.###} s to parse and was read up to character {1:N0} of {2:N0}: its markup leaves too many elements open (a hostile or broken page), or the time limit is too low for it",
            TimeLimit.TotalSeconds,
            at,
            Length)
        : null;
}
