using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ScrapeDsl.Analyzer.Tests;

[CollectionDefinition("Console", DisableParallelization = true)]
public sealed class ConsoleCollection
{
}

/// <summary><c>scrape check</c> prints what the build reports: same ids, same positions, same messages.</summary>
[Collection("Console")]
public sealed class CheckCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "scrape-check-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void The_repository_rules_are_clean()
    {
        var (exit, output) = Check(Repository.PathOf("rules"));
        Assert.Equal("", output.Trim());
        Assert.Equal(0, exit);
    }

    [Fact]
    public void Check_prints_the_builds_diagnostics_and_fails_on_an_error()
    {
        var files = new Dictionary<string, string>
        {
            ["site/article.scrape.yaml"] = "name: Article\r\nmatch: { hosts: [news.example] }\r\nremove: [.gone]\r\nfields:\r\n  title: { css: h1, required: true }\r\n  lead: p\r\n  body: { css: \"article:eq(0)\" }\r\nexamples:\r\n  - page: fixtures/page.html\r\n",
            ["site/teaser.scrape.yaml"] = "name: Teaser\nmatch: { hosts: [news.example] }\nfields:\n  title: { css: h2, required: true }\n  lead: { css: p, fallback: [.stale] }\nexamples:\n  - page: fixtures/page.html\n  - page: fixtures/other.html\n    url: https://other.example/\n",
            ["site/fixtures/page.html"] = RuleHarness.Page("<h2>x</h2><p>one</p><p>two</p>"),
        };
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_folder, path))!);
            File.WriteAllText(Path.Combine(_folder, path), text);
        }

        var (exit, output) = Check(_folder);
        Assert.Equal(1, exit);

        var run = RuleHarness.Run(files.Select(f => (AdditionalText)new TestAdditionalText(Path.Combine(_folder, f.Key), f.Value)));
        var build = run.RuleDiagnostics.Select(d =>
        {
            var span = d.Location.GetLineSpan();
            var severity = d.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "info" };
            return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {severity} {d.Id}: {d.GetMessage()}";
        });
        Assert.Equal(build.OrderBy(l => l, StringComparer.Ordinal), output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).OrderBy(l => l, StringComparer.Ordinal));
        Assert.True(output.Contains("article.scrape.yaml(7,16): error SCR008:", StringComparison.Ordinal), output);
    }

    [Fact]
    public void Rules_under_a_path_with_a_bin_folder_in_it_are_checked_without_their_own_build_output()
    {
        // Only bin/ and obj/ below the folder checked are build output; /tmp/…/bin/myrules is where the rules live.
        var rules = Path.Combine(_folder, "bin", "myrules");
        var broken = "name: Broken\nmatch: { hosts: [news.example] }\nbogus: 1\nfields:\n  title: h1\n";
        foreach (var path in new[] { Path.Combine(rules, "site", "broken.scrape.yaml"), Path.Combine(rules, "bin", "Debug", "site", "copy.scrape.yaml") })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, broken);
        }

        var (exit, output) = Check(rules);

        Assert.Equal(1, exit);
        Assert.Contains(Path.Combine("site", "broken.scrape.yaml") + "(3,1): error", output, StringComparison.Ordinal);
        Assert.DoesNotContain("copy.scrape.yaml", output, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task An_example_page_that_is_a_device_or_a_FIFO_is_reported_without_being_read()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no devices or FIFOs among a Windows folder's files
        }

        // /dev/zero never ends (read whole, it took 4 GB and an OutOfMemoryException); a FIFO waits for a writer for ever.
        var site = Path.Combine(_folder, "site");
        Directory.CreateDirectory(site);
        using (var mkfifo = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("mkfifo", new[] { Path.Combine(site, "fifo.html") }) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        File.WriteAllText(Path.Combine(site, "rule.scrape.yaml"),
            "name: Devices\nmatch: { hosts: [x.example] }\nfields:\n  title: h1\nexamples:\n  - page: /dev/zero\n    url: https://x.example/a\n  - page: fifo.html\n    url: https://x.example/b\n");

        var checking = System.Threading.Tasks.Task.Run(() => Check(site));
        if (await System.Threading.Tasks.Task.WhenAny(checking, System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(60))) != checking)
        {
            File.WriteAllText(Path.Combine(site, "fifo.html"), string.Empty); // be the writer it waits for, so the run can end
            Assert.Fail("check read the device or waited on the FIFO");
        }

        var (exit, output) = await checking;

        Assert.Equal(1, exit);
        Assert.Contains("(6,11): error SCR015: Example page '/dev/zero' was not found ('/dev/zero' is a character device, not a saved page)", output, StringComparison.Ordinal);
        Assert.Contains("(8,11): error SCR015: Example page 'fifo.html' was not found (", output, StringComparison.Ordinal);
        Assert.Contains("fifo.html' is a FIFO (named pipe), not a saved page)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_that_does_not_exist_is_bad_input()
    {
        var (exit, _) = Check(Path.Combine(_folder, "nothing-here"));
        Assert.Equal(2, exit);
    }

    private static (int Exit, string Output) Check(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = ScrapeDsl.Cli.Program.Main(new[] { "check" }.Concat(args).ToArray());
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
