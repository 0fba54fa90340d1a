using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ScrapeDsl.Tests.Cli;

/// <summary>Tests that replace the process's standard output and error: they must not run beside others that write there.</summary>
[CollectionDefinition("Console", DisableParallelization = true)]
public sealed class ConsoleCollection
{
    /// <summary>Runs the tool with its standard output and error captured.</summary>
    internal static (int Exit, string Output, string Error) Scrape(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = ScrapeDsl.Cli.Program.Main(args);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}

/// <summary>
/// A command line the parser rejects is bad input (docs/cli.md, exit codes): exit code 2 and one line per parse error on
/// stderr, never the whole help, which is for <c>--help</c>. Exit code 1 is kept for "extracted but unsuccessful".
/// </summary>
[Collection("Console")]
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("run|page.html|--bogus", "'--bogus'", "scrape run --help")]
    [InlineData("run|page.html|--parse-limit|abc", "'abc'", "scrape run --help")]
    [InlineData("new|page.html", "'--url'", "scrape new --help")]
    [InlineData("frobnicate", "'frobnicate'", "scrape --help")]
    public void A_command_line_the_parser_rejects_exits_with_2_and_says_why_on_one_line_per_error(string args, string named, string hint)
    {
        var (exit, output, error) = ConsoleCollection.Scrape(args.Split('|'));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.All(lines, line => Assert.StartsWith("scrape: error: ", line, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains(named, StringComparison.Ordinal));
        Assert.EndsWith($"(see '{hint}')", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void One_parse_error_is_one_line()
    {
        var (_, _, error) = ConsoleCollection.Scrape("run", "page.html", "--bogus");

        Assert.Equal("scrape: error: Unrecognized command or argument '--bogus' (see 'scrape run --help')" + Environment.NewLine, error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("run|--help")]
    [InlineData("new|--help")]
    public void Help_still_prints_the_help_and_exits_with_0(string args)
    {
        var (exit, output, error) = ConsoleCollection.Scrape(args.Split('|'));

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("new")]
    [InlineData("batch")]
    public void A_charset_that_names_no_encoding_is_refused_rather_than_ignored(string command)
    {
        // The library ignores such a charset (a page's meta may name anything); a name typed on the command line is a mistake to say.
        var args = command == "new" ? new[] { command, "page.html", "--url", "https://x.example/a", "--charset", "windows1251" } : new[] { command, "page.html", "--charset", "windows1251" };

        var (exit, _, error) = ConsoleCollection.Scrape(args);

        Assert.Equal(2, exit);
        Assert.Equal("scrape: error: --charset 'windows1251' is not an encoding label of the WHATWG Encoding standard that can be decoded here (such as utf-8, windows-1251, koi8-r, shift_jis, euc-jp)", error.Trim());
    }
}
