using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading;

using ScrapeDsl.Examples;

namespace ScrapeDsl.Cli;

/// <summary>
/// The limits of the commands that read pages: how large a page file may be (<c>--max-page-size</c>) and how long its
/// parse may take (<c>--parse-limit</c>). A page costs memory several times its size (its bytes, its text, its
/// document), and a batch keeps its buffers at the size of the largest page it has read, so a stray multi-gigabyte file
/// is refused before it is read, not found out by an out-of-memory error; markup that parses in quadratic time is
/// stopped by <see cref="PageParser"/>.
/// </summary>
internal static class PageLimits
{
    /// <summary>The default size limit, in megabytes (<see cref="PageFile.DefaultMegabytes"/>, which example pages keep too).</summary>
    public const double DefaultMegabytes = PageFile.DefaultMegabytes;

    /// <summary>The most <c>--max-page-size</c> accepts, in megabytes: about what one .NET array can hold.</summary>
    private const double MaximumMegabytes = 2_000;

    /// <summary>A command's <c>--max-page-size</c> option.</summary>
    public static Option<double> MaxPageSizeOption() => new("--max-page-size")
    {
        Description = $"The largest page file read, in MB; a larger one is refused without being read. 0: up to {MaximumMegabytes:0} MB.",
        DefaultValueFactory = _ => DefaultMegabytes,
    };

    /// <summary>A command's <c>--parse-limit</c> option; <paramref name="whatHappens"/> says what becomes of a stopped page.</summary>
    public static Option<double> ParseLimitOption(string whatHappens) => new("--parse-limit")
    {
        Description = $"Seconds one page may take to parse; {whatHappens}. 0: no limit.",
        DefaultValueFactory = _ => PageParser.TimeLimit.TotalSeconds,
    };

    /// <summary>The size limit in bytes; a value out of range is the user's error.</summary>
    public static long MaxPageBytes(double megabytes)
    {
        if (megabytes == 0)
        {
            return Array.MaxLength;
        }

        if (!(megabytes is >= 0.001 and <= MaximumMegabytes))
        {
            throw new CliError($"--max-page-size must be a number of megabytes from 0.001 to {MaximumMegabytes:0}, or 0 for no limit");
        }

        return Math.Min((long)(megabytes * 1_000_000), Array.MaxLength);
    }

    /// <summary>Sets <see cref="PageParser.TimeLimit"/> for the command; a value out of range is the user's error.</summary>
    public static void ApplyParseLimit(double seconds)
    {
        // 0 means no limit; anything else must be at least a millisecond and at most a day.
        if (seconds != 0 && !(seconds is >= 0.001 and <= 86_400))
        {
            throw new CliError("--parse-limit must be a number of seconds from 0.001 to 86400, or 0 for no limit");
        }

        PageParser.TimeLimit = seconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The error for a page over the size limit (with its size when known: a pipe is stopped once past the limit).</summary>
    public static PageTooLargeException TooLarge(string source, long? size, long limit) =>
        new($"{source} is {(size is { } known ? Megabytes(known) : "more than " + Megabytes(limit))}, larger than --max-page-size {Megabytes(limit)}");

    private static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("0.###", CultureInfo.InvariantCulture) + " MB";
}

/// <summary>A page file larger than <c>--max-page-size</c>: an input error, like a file that cannot be read.</summary>
internal sealed class PageTooLargeException(string message) : IOException(message);
