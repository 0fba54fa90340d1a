using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ScrapeDsl.Cli.Batch;
using ScrapeDsl.Rules;
using ScrapeDsl.Tests.Interpreter;
using Xunit;

namespace ScrapeDsl.Tests.Cli;

/// <summary><c>scrape batch</c> over a folder with the RBC fixtures, a garbage page and an empty page.</summary>
public sealed class BatchTests : IDisposable
{
    private const string ArticleUrl = "https://www.rbc.ru/politics/03/06/2025/683eb8659a7947eb72d0d6d9";

    // Each test copies the fixtures into folders of its own (about 0.5 MB each); they go when the test ends.
    private readonly List<string> _folders = new();

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Batch_writes_one_line_per_page_and_counts_garbage_and_empty_pages_as_failures()
    {
        var folder = PagesFolder();
        var (lines, report) = RunBatch(folder, UrlList.Empty);

        Assert.Equal(4, lines.Count);
        Assert.Equal(4, report.Pages);
        Assert.Equal(2, report.Succeeded);
        Assert.Equal(2, report.Failed);
        Assert.Equal(1, report.PagesMatched("RbcArticle"));
        Assert.Equal(1, report.PagesMatched("RbcHome"));
        Assert.Equal(1, report.Failures("empty file"));
        Assert.Equal(1, report.Failures("no URL"));
        Assert.Equal(lines.Count(l => l.GetProperty("success").GetBoolean()), report.Succeeded);
        var empty = lines.Single(l => l.GetProperty("file").GetString()!.EndsWith("empty.html", StringComparison.Ordinal));
        Assert.Equal("empty file", empty.GetProperty("error").GetString());
    }

    [Fact]
    public void A_garbage_page_given_a_url_runs_its_rule_and_fails_on_the_missing_required_title()
    {
        var folder = PagesFolder();
        var urls = Path.Combine(folder, "urls.tsv");
        File.WriteAllText(urls, "garbage.html\t" + ArticleUrl + "\n");
        var (lines, report) = RunBatch(folder, UrlList.Read(urls));

        Assert.Equal(4, lines.Count);
        var garbage = lines.Single(l => l.GetProperty("file").GetString()!.EndsWith("garbage.html", StringComparison.Ordinal));
        Assert.Equal("RbcArticle", garbage.GetProperty("rule").GetString());
        Assert.False(garbage.GetProperty("success").GetBoolean());
        Assert.Contains(garbage.GetProperty("problems").EnumerateArray(), p => p.GetProperty("field").GetString() == "title" && p.GetProperty("error").GetBoolean());
        Assert.Equal(2, report.PagesMatched("RbcArticle"));
        Assert.Equal(2, report.Failed);
    }

    [Fact]
    public void The_drift_report_lists_every_field_with_its_hit_and_fallback_rates()
    {
        var (_, report) = RunBatch(PagesFolder(), UrlList.Empty);
        var text = new StringWriter();
        report.Write(text);

        Assert.Contains("RbcArticle: 1 pages matched, success 100.0%", text.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"\n  title\s+100\.0%\s+0\.0%", text.ToString());
        Assert.Contains("4 pages: 2 extracted successfully, 2 failed", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_batch_command_exits_with_1_when_a_page_fails_and_2_when_there_are_no_pages()
    {
        var folder = PagesFolder();
        var output = Path.Combine(folder, "results.jsonl");

        Assert.Equal(1, ScrapeDsl.Cli.Program.Main(new[] { "batch", folder, "--out", output, "--threads", "2" }));
        Assert.Equal(4, File.ReadAllLines(output).Length);
        Assert.Equal(2, ScrapeDsl.Cli.Program.Main(new[] { "batch", Path.Combine(folder, "nothing-here", "*.html"), "--out", output }));
    }

    [Fact]
    public void A_page_whose_parse_is_stopped_at_the_limit_is_a_failure_line_and_the_batch_goes_on()
    {
        // Nested lists that take a minute to parse whole (ParseLimitTests), after a head with the article's URL.
        var folder = PagesFolder();
        var hostile = "<link rel=canonical href='" + ArticleUrl + "'>" + string.Concat(Enumerable.Repeat("<ul><li>", 60_000));
        File.WriteAllText(Path.Combine(folder, "hostile.html"), hostile);

        var (lines, report) = RunBatch(folder, UrlList.Empty);

        Assert.Equal(5, lines.Count);
        var line = lines.Single(l => l.GetProperty("file").GetString()!.EndsWith("hostile.html", StringComparison.Ordinal));
        Assert.Equal(ArticleUrl, line.GetProperty("url").GetString());
        Assert.False(line.GetProperty("success").GetBoolean());
        Assert.StartsWith("the page took longer than 5 s to parse", line.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, report.Failures("parse stopped at the time limit"));
        Assert.Equal(2, report.Succeeded);
    }

    [Fact]
    public void A_page_whose_meta_names_UTF_7_is_read_as_UTF_8_instead_of_failing_as_an_internal_error()
    {
        var folder = PagesFolder();
        File.WriteAllText(Path.Combine(folder, "utf7.html"), "<link rel=canonical href='" + ArticleUrl + "'><meta charset='utf-7'><h1 class=article__header__title-in>+ACE-x</h1>");

        var (lines, report) = RunBatch(folder, UrlList.Empty);

        var line = lines.Single(l => l.GetProperty("file").GetString()!.EndsWith("utf7.html", StringComparison.Ordinal));
        Assert.Equal("RbcArticle", line.GetProperty("rule").GetString());
        Assert.Equal("+ACE-x", line.GetProperty("value").GetProperty("title").GetString());
        Assert.Equal(0, report.Failures("internal error"));
    }

    [Fact]
    public void A_glob_selects_pages_in_nested_folders()
    {
        var folder = PagesFolder();
        Directory.CreateDirectory(Path.Combine(folder, "more"));
        File.WriteAllText(Path.Combine(folder, "more", "x.html"), "<p>x</p>");
        File.WriteAllText(Path.Combine(folder, "more", "x.txt"), "x");

        var files = PageFiles.Resolve(folder + "/**/*.html");

        Assert.Equal(5, files.Count);
        Assert.Single(PageFiles.Resolve(folder + "/more/*.html"));
    }

    [Fact]
    public async Task A_FIFO_among_the_pages_is_a_failure_line_without_being_opened_and_the_batch_goes_on()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no FIFOs in a Windows folder
        }

        var folder = PagesFolder();
        var fifo = Path.Combine(folder, "fifo.html");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", new[] { fifo }) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // Opening the FIFO for reading would wait for a writer for ever: if the batch has not ended, be that writer.
        var batch = Task.Run(() => RunBatch(folder, UrlList.Empty));
        if (await Task.WhenAny(batch, Task.Delay(TimeSpan.FromSeconds(60))) != batch)
        {
            await File.WriteAllTextAsync(fifo, string.Empty);
            await batch;
            Assert.Fail("the batch opened the FIFO and waited for a writer");
        }

        var (lines, report) = await batch;
        Assert.Equal(5, lines.Count);
        var line = lines.Single(l => l.GetProperty("file").GetString() == fifo);
        Assert.Equal("not a regular file: a FIFO (named pipe)", line.GetProperty("error").GetString());
        Assert.Equal(1, report.Failures("not a regular file"));
        Assert.Equal(2, report.Succeeded);
    }

    [Fact]
    public void A_symbolic_link_to_a_folder_is_not_followed_and_one_to_a_page_is_read_as_the_page()
    {
        // A link back up the tree listed every page again at every level, until paths grew too long (about 40 times).
        var folder = PagesFolder();
        Directory.CreateSymbolicLink(Path.Combine(folder, "loop"), ".");
        Directory.CreateDirectory(Path.Combine(folder, "more"));
        File.CreateSymbolicLink(Path.Combine(folder, "more", "copy.html"), Path.Combine("..", "garbage.html"));

        var expected = new[] { "2025-06-03-politics-south-korea-election.html", "empty.html", "garbage.html", "home-page.html", "more/copy.html" }
            .Select(name => Path.Combine(folder, name.Replace('/', Path.DirectorySeparatorChar)))
            .ToList();
        Assert.Equal(expected, PageFiles.Resolve(folder));
        Assert.Equal(expected, PageFiles.Resolve(folder + "/**/*.html"));
        Assert.Null(ScrapeDsl.Examples.PageFile.NotRegular(expected[^1]));
    }

    [Fact]
    public void Each_line_reaches_the_output_as_its_page_finishes()
    {
        // As `scrape batch` writes: through a buffer, which used to hold the lines until the end of the run.
        var files = PageFiles.Resolve(PagesFolder());
        var runner = new BatchRunner(ScrapeRules.Registry, UrlList.Empty, charset: null, maxPageBytes: 16_000_000);
        var written = new MemoryStream();
        using var buffered = new BufferedStream(written, 1 << 16);
        var linesWhenDone = new List<int>();

        runner.Run(files, buffered, threads: 1, (done, _) => linesWhenDone.Add(written.ToArray().Count(b => b == (byte)'\n')));

        Assert.Equal(new[] { 1, 2, 3, 4 }, linesWhenDone);
    }

    [Fact]
    public void Several_workers_take_the_largest_pages_first_and_one_worker_takes_them_in_path_order()
    {
        var folder = PagesFolder();
        var files = PageFiles.Resolve(folder);
        var missing = Path.Combine(folder, "gone.html");

        // Path order: the RBC article (290 KB), empty.html (0 B), garbage.html (4 KB), the RBC home page (227 KB); gone.html does not exist.
        var largestFirst = BatchRunner.Schedule(files.Append(missing).ToList(), threads: 2).Select(Path.GetFileName).ToList();

        Assert.Equal(new[] { "2025-06-03-politics-south-korea-election.html", "home-page.html", "garbage.html", "empty.html", "gone.html" }, largestFirst);
        Assert.Equal(files, BatchRunner.Schedule(files, threads: 1));
    }

    [Fact]
    public void A_page_larger_than_the_size_limit_is_a_failure_line_without_being_read_and_the_batch_goes_on()
    {
        // 0.25 MB: the RBC article (290 KB) is over it, the home page (227 KB) under it.
        var (lines, report) = RunBatch(PagesFolder(), UrlList.Empty, maxPageBytes: 250_000);

        Assert.Equal(4, lines.Count);
        var article = lines.Single(l => l.GetProperty("file").GetString()!.EndsWith("election.html", StringComparison.Ordinal));
        Assert.False(article.GetProperty("success").GetBoolean());
        Assert.Equal(JsonValueKind.Null, article.GetProperty("url").ValueKind);
        Assert.Matches(@"^'.*election\.html' is 0\.29\d* MB, larger than --max-page-size 0\.25 MB$", article.GetProperty("error").GetString());
        Assert.Equal(1, report.Failures("page too large"));
        Assert.Equal(1, report.PagesMatched("RbcHome"));
        Assert.Equal(1, report.Succeeded);
    }

    [Fact]
    public void Limits_out_of_range_are_bad_input_and_no_page_is_read()
    {
        var folder = PagesFolder();
        var output = Path.Combine(folder, "results.jsonl");

        foreach (var (option, bad) in new[] { ("--parse-limit", "-1"), ("--parse-limit", "0.0001"), ("--max-page-size", "-1"), ("--max-page-size", "0.0001"), ("--max-page-size", "2001") })
        {
            Assert.Equal(2, ScrapeDsl.Cli.Program.Main(new[] { "batch", folder, "--out", output, option, bad }));
        }

        Assert.False(File.Exists(output));
    }

    private static (List<JsonElement> Lines, DriftReport Report) RunBatch(string folder, UrlList urls, long maxPageBytes = 16_000_000)
    {
        var runner = new BatchRunner(ScrapeRules.Registry, urls, charset: null, maxPageBytes);
        using var output = new MemoryStream();
        runner.Run(PageFiles.Resolve(folder), output, threads: 2);
        var lines = Encoding.UTF8.GetString(output.ToArray())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToList();
        return (lines, runner.Report);
    }

    private string PagesFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "scrape-batch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        _folders.Add(folder);
        foreach (var page in Directory.GetFiles(Path.Combine(RepositoryPaths.RulesFolder, "rbc.ru", "fixtures"), "*.html"))
        {
            File.Copy(page, Path.Combine(folder, Path.GetFileName(page)));
        }

        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(Path.Combine(folder, "garbage.html"), garbage);
        File.WriteAllBytes(Path.Combine(folder, "empty.html"), Array.Empty<byte>());
        return folder;
    }
}
