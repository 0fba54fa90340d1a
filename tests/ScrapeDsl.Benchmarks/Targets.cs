using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Reports;

namespace ScrapeDsl.Benchmarks;

/// <summary>
/// The targets as ratios of medians (time) and of allocated bytes per operation, from this run's reports,
/// printed and written to <c>BenchmarkDotNet.Artifacts/results/targets.md</c>.
/// </summary>
public static class Targets
{
    public const double ParseTarget = 1.10;
    public const double HandWrittenTarget = 1.00;
    public const double InterpretedTarget = 1.30;

    public static string Write(IReadOnlyList<Summary> summaries, string? interleaved = null)
    {
        var reports = summaries.SelectMany(s => s.Reports).Where(r => r.Success && r.ResultStatistics is not null).ToList();
        var text = new StringBuilder();
        var extraction = reports.Where(r => r.BenchmarkCase.Descriptor.Type == typeof(ExtractionBenchmarks)).ToList();
        if (extraction.Count > 0)
        {
            text.AppendLine("| Page | Parse floor | Generated | Gen/parse time | Gen/parse alloc | Interpreted/gen time | Hand-written | Gen/hand time | Gen/hand alloc | SmartReader |");
            text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var page in extraction.GroupBy(r => r.BenchmarkCase.Parameters["Case"]?.ToString() ?? "?"))
            {
                var parse = Find(page, nameof(ExtractionBenchmarks.Parse));
                var generated = Find(page, nameof(ExtractionBenchmarks.Generated));
                var interpreted = Find(page, nameof(ExtractionBenchmarks.Interpreted));
                var hand = Find(page, nameof(ExtractionBenchmarks.HandWritten));
                var smart = Find(page, nameof(ExtractionBenchmarks.SmartReader));
                text.Append("| ").Append(page.Key)
                    .Append(" | ").Append(Cell(parse))
                    .Append(" | ").Append(Cell(generated))
                    .Append(" | ").Append(Format.Ratio(Median(generated), Median(parse), ParseTarget))
                    .Append(" | ").Append(Format.Ratio(Bytes(generated), Bytes(parse), ParseTarget))
                    .Append(" | ").Append(Format.Ratio(Median(interpreted), Median(generated), InterpretedTarget))
                    .Append(" | ").Append(Cell(hand))
                    .Append(" | ").Append(Format.Ratio(Median(generated), Median(hand), HandWrittenTarget))
                    .Append(" | ").Append(Format.Ratio(Bytes(generated), Bytes(hand), HandWrittenTarget))
                    .Append(" | ").Append(Cell(smart))
                    .AppendLine(" |");
            }

            text.AppendLine();
            text.AppendLine($"Cells: median time / allocated per operation. Ratios are of medians (time) and of allocated bytes; targets: generated <= {ParseTarget:0.00} x parse (time and bytes), <= {HandWrittenTarget:0.00} x hand-written, interpreted <= {InterpretedTarget:0.00} x generated. A ratio over its target is marked MISSED.");
        }

        var generator = reports.Where(r => r.BenchmarkCase.Descriptor.Type == typeof(GeneratorBenchmarks)).ToList();
        if (generator.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"| Generator ({GeneratorBenchmarks.RuleCount} rule files) | Median | Allocated |");
            text.AppendLine("| --- | ---: | ---: |");
            foreach (var report in generator)
            {
                text.Append("| ").Append(report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo)
                    .Append(report.BenchmarkCase.Parameters["TrackSteps"] is true ? ", steps tracked" : string.Empty)
                    .Append(" | ").Append(Format.Time(Median(report)))
                    .Append(" | ").Append(Format.Size(Bytes(report)))
                    .AppendLine(" |");
            }

            text.AppendLine();
            text.AppendLine("Target: full generation under 1 ms per rule (parse + emit; the rules have no example pages, so no example checks).");
        }

        if (interleaved is not null)
        {
            text.AppendLine();
            text.AppendLine(interleaved);
        }

        var result = text.ToString();
        try
        {
            var folder = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "results");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "targets.md"), result);
        }
        catch (IOException)
        {
            // The table is on the console anyway.
        }

        return result;
    }

    private static BenchmarkReport? Find(IEnumerable<BenchmarkReport> reports, string method) =>
        reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);

    private static double? Median(BenchmarkReport? report) => report?.ResultStatistics?.Median;

    private static double? Bytes(BenchmarkReport? report) =>
        report is null ? null : report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);

    private static string Cell(BenchmarkReport? report) =>
        report is null ? "–" : Format.Time(Median(report)) + " / " + Format.Size(Bytes(report));
}

/// <summary>How the tables write times, sizes and ratios.</summary>
public static class Format
{
    public static string Ratio(double? value, double? baseline, double target)
    {
        if (value is null || baseline is null || baseline == 0)
        {
            return "–";
        }

        var ratio = value.Value / baseline.Value;
        var formatted = ratio.ToString("0.000", CultureInfo.InvariantCulture);
        return ratio <= target ? formatted : formatted + " MISSED";
    }

    public static string Time(double? nanoseconds) => nanoseconds switch
    {
        null => "–",
        >= 1_000_000 => (nanoseconds.Value / 1_000_000).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        >= 1_000 => (nanoseconds.Value / 1_000).ToString("0.0", CultureInfo.InvariantCulture) + " µs",
        _ => nanoseconds.Value.ToString("0", CultureInfo.InvariantCulture) + " ns",
    };

    public static string Size(double? bytes) => bytes switch
    {
        null => "–",
        >= 1024 * 1024 => (bytes.Value / (1024 * 1024)).ToString("0.00", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes.Value / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.Value.ToString("0", CultureInfo.InvariantCulture) + " B",
    };
}
