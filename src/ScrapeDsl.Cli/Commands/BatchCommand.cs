using System;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using ScrapeDsl.Cli.Batch;

namespace ScrapeDsl.Cli.Commands;

/// <summary><c>scrape batch</c>: run the rules over a folder of saved pages, one JSON line per page, then the drift report.</summary>
internal static class BatchCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("pages") { Description = "A folder (every *.html/*.htm under it), one page, or a glob such as 'saved/**/*.html'." };
        var output = new Option<string?>("--out") { Description = "Write the JSON lines to this file (the report then goes to stdout). Default: JSON lines on stdout, report on stderr." };
        var rules = new Option<string?>("--rules") { Description = "A rule file or folder to run straight from YAML. Default: the compiled rules." };
        var urls = new Option<string?>("--urls") { Description = "A sidecar list of page URLs: one 'file<TAB>url' per line. Default: each page's canonical link or og:url." };
        var threads = new Option<int>("--threads") { Description = "Pages processed at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var charset = new Option<string?>("--charset") { Description = "The pages' encoding when they have no BOM or <meta charset>." };
        var parseLimit = PageLimits.ParseLimitOption("a page that takes longer (hostile or broken markup) becomes a failure line");
        var maxPageSize = PageLimits.MaxPageSizeOption();
        var command = new Command("batch", """
            Run rules over many saved pages on all cores: one JSON line per page ({ file, url, rule, success, value,
            problems } or { file, url, rule: null, success: false, error }), never stopping on a bad page, then a
            drift report per rule: pages matched, success rate, and per field the hit rate and fallback rate.

            Examples:
              scrape batch rules/rbc.ru/fixtures --out results.jsonl
              scrape batch 'saved/**/*.html' --rules rules/ --urls saved/urls.tsv > results.jsonl
              scrape batch ../shared/corpus/news/pages --rules docs/examples/any-article.scrape.yaml --threads 1 --out /dev/null

            Exit codes: 0 every page extracted successfully; 1 some pages failed (no rule, no URL, unreadable, not a
            regular file, empty or larger than --max-page-size, parse stopped at --parse-limit, or a required field
            missing); 2 bad input (no pages, broken rule file, bad --urls list, --threads, --parse-limit or
            --max-page-size out of range).
            """)
        {
            input, output, rules, urls, threads, charset, parseLimit, maxPageSize,
        };
        command.SetAction(result => Cli.Guard(() => Run(
            result.GetValue(input)!,
            result.GetValue(output),
            result.GetValue(rules),
            result.GetValue(urls),
            result.GetValue(threads),
            Cli.Charset(result.GetValue(charset)),
            result.GetValue(parseLimit),
            result.GetValue(maxPageSize))));
        return command;
    }

    private static int Run(string input, string? outputPath, string? rulesPath, string? urlsPath, int threads, string? charset, double parseLimit, double maxPageSize)
    {
        if (threads < 1)
        {
            throw new CliError("--threads must be at least 1");
        }

        PageLimits.ApplyParseLimit(parseLimit);
        var maxPageBytes = PageLimits.MaxPageBytes(maxPageSize);

        var files = PageFiles.Resolve(input);
        var registry = rulesPath is null ? ScrapeDsl.Rules.ScrapeRules.Registry : RunCommand.LoadRules(rulesPath);
        var urls = urlsPath is null ? UrlList.Empty : UrlList.Read(urlsPath);
        var runner = new BatchRunner(registry, urls, charset, maxPageBytes);
        var report = outputPath is null ? Console.Error : Console.Out;
        // A redrawn bar only when it cannot tangle with JSON lines on the same terminal.
        var progress = new Progress(files.Count, interactive: !Console.IsErrorRedirected && (outputPath is not null || Console.IsOutputRedirected));
        var clock = Stopwatch.StartNew();
        using (var lines = outputPath is null ? Console.OpenStandardOutput() : File.Create(outputPath))
        // The runner flushes after each line; the buffer makes a line and its newline one write.
        using (var buffered = new BufferedStream(lines, 1 << 16))
        {
            runner.Run(files, buffered, threads, progress.Report);
        }

        progress.Finish();
        var seconds = clock.Elapsed.TotalSeconds;
        runner.Report.Write(report);
        report.WriteLine();
        report.WriteLine($"{files.Count} pages in {seconds:0.00} s ({files.Count / Math.Max(seconds, 1e-9):0.0} pages/s, {threads} thread{(threads == 1 ? string.Empty : "s")})");
        return runner.Report.Failed == 0 ? 0 : 1;
    }

    /// <summary>Progress on stderr: a redrawn bar on a terminal, a plain line every tenth of the run when redirected.</summary>
    private sealed class Progress(int total, bool interactive)
    {
        private readonly object _gate = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _lastDraw = -1000;
        private int _lastDecile;

        public void Report(int done, int failed)
        {
            lock (_gate)
            {
                if (interactive)
                {
                    if (_clock.ElapsedMilliseconds - _lastDraw < 100 && done < total)
                    {
                        return;
                    }

                    _lastDraw = _clock.ElapsedMilliseconds;
                    const int width = 30;
                    var filled = total == 0 ? width : done * width / total;
                    var rate = done / Math.Max(_clock.Elapsed.TotalSeconds, 1e-9);
                    Console.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {done}/{total} pages, {failed} failed, {rate:0.0} pages/s ");
                }
                else
                {
                    var decile = total == 0 ? 10 : done * 10 / total;
                    if (decile > _lastDecile || done == total)
                    {
                        _lastDecile = decile;
                        Console.Error.WriteLine($"batch: {done}/{total} pages, {failed} failed");
                    }
                }
            }
        }

        public void Finish()
        {
            if (interactive)
            {
                Console.Error.WriteLine();
            }
        }
    }
}
