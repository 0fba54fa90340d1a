using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ScrapeDsl.Benchmarks.HandWritten;

namespace ScrapeDsl.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/ScrapeDsl.Benchmarks</c> runs everything and prints the target table
/// (ratios of medians); <c>-- --smoke</c> runs every case once in process (a CI check that they compile, run and agree).
/// Other arguments go to BenchmarkDotNet (e.g. <c>--filter *Extraction*</c>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var rest = args.Where(a => a != "--smoke").ToList();
        var rounds = TakeNumber(rest, "--rounds") ?? 400;
        var seed = TakeNumber(rest, "--seed") ?? Interleaved.DefaultSeed;

        // --fields <Rule>: where one rule's extraction time goes, field by field (no BenchmarkDotNet, no targets).
        var fieldsAt = rest.IndexOf("--fields");
        if (fieldsAt >= 0 && fieldsAt + 1 < rest.Count)
        {
            try
            {
                Console.WriteLine(FieldCosts.Run(rest[fieldsAt + 1], rounds));
                return 0;
            }
            catch (ArgumentException unknown)
            {
                Console.Error.WriteLine("--fields: " + unknown.Message);
                return 2;
            }
        }

        // The interleaved ratios run unless a filter picks benchmarks (then only BenchmarkDotNet runs); --interleaved-only skips BenchmarkDotNet.
        var interleavedOnly = rest.Remove("--interleaved-only");
        var runInterleaved = interleavedOnly || !rest.Contains("--filter");
        if (!rest.Contains("--filter"))
        {
            rest.AddRange(new[] { "--filter", "*" });
        }

        var problems = Checks.Run(Console.Out) + GeneratorCaching.Check(Console.Out);

        // The interleaved pass runs before BenchmarkDotNet, in a process that has done nothing else yet, as with
        // --interleaved-only: run after it, in the host that had spent ten minutes driving BenchmarkDotNet, every column
        // beyond the parse measured 1-3 % dearer than in an --interleaved-only run of the same commit at the same load.
        var interleaved = runInterleaved ? Interleaved.Run(smoke ? 3 : rounds, seed) : null;
        var config = smoke ? SmokeConfig() : FullConfig();
        var summaries = interleavedOnly
            ? new List<Summary>()
            : BenchmarkSwitcher
                .FromTypes(new[] { typeof(ExtractionBenchmarks), typeof(GeneratorBenchmarks), typeof(DispatchCheckBenchmarks) })
                .Run(rest.ToArray(), config)
                .ToList();

        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        var table = Targets.Write(summaries, interleaved);
        Console.WriteLine();
        if (smoke)
        {
            Console.WriteLine("Smoke run: every figure below is one cold call (Dry job, in process) and means nothing; the run checks that everything compiles, runs and agrees.");
        }

        Console.WriteLine(table);
        if (smoke && (failed || problems > 0))
        {
            Console.Error.WriteLine($"smoke run failed: {(failed ? "a benchmark did not run" : "")}{(problems > 0 ? $" {problems} check(s) failed" : "")}");
            return 1;
        }

        return failed ? 1 : 0;
    }

    /// <summary>Removes <c>name N</c> from the arguments and returns N (null when the option is not given).</summary>
    private static int? TakeNumber(List<string> args, string name)
    {
        var at = args.IndexOf(name);
        if (at < 0 || at + 1 >= args.Count)
        {
            return null;
        }

        var value = int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture);
        args.RemoveRange(at, 2);
        return value;
    }

    /// <summary>
    /// The measured run: one launch, enough iterations for a stable median on a shared machine. 250 ms iterations
    /// (half the default) keep 62 extraction cases near ten minutes; each still runs hundreds of pages.
    /// </summary>
    private static IConfig FullConfig() => DefaultConfig.Instance
        .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(6).WithIterationCount(25).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250)))
        .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
        .AddFilter(new SimpleFilter(HasHandWrittenIfNeeded))
        .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value).WithMaxParameterColumnWidth(48))
        .WithOptions(ConfigOptions.JoinSummary);

    /// <summary>
    /// The CI smoke run: every case once, in process (no separate build), in seconds; also in a Debug build
    /// (the figures mean nothing, the point is that everything compiles, runs and agrees).
    /// </summary>
    private static IConfig SmokeConfig() => DefaultConfig.Instance
        .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
        .AddFilter(new SimpleFilter(HasHandWrittenIfNeeded))
        .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile | ConfigOptions.DisableOptimizationsValidator);

    /// <summary>The hand-written column only exists for rules someone wrote a hand-written extractor for.</summary>
    private static bool HasHandWrittenIfNeeded(BenchmarkDotNet.Running.BenchmarkCase benchmark) =>
        benchmark.Descriptor.WorkloadMethod.Name != nameof(ExtractionBenchmarks.HandWritten)
        || (benchmark.Parameters["Case"] is PageCase page && HandWrittenExtractors.ByRule.ContainsKey(page.Rule.Name));
}
