using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ScrapeDsl.Interpreter;
using ScrapeDsl.Language;
using ScrapeDsl.Rules;
using Xunit;

namespace ScrapeDsl.Tests.Runtime;

/// <summary>
/// Markup that leaves many elements open parses in quadratic time; <see cref="PageParser"/> stops such a parse at its
/// time limit and the result says so. (That real pages are not stopped is held by <c>ParserOptionsTests</c>: every
/// example page gives, through the runtime's parse, the result it gives with AngleSharp's own.)
/// </summary>
public sealed class ParseLimitTests
{
    private static readonly Uri s_articleUrl = new("https://www.rbc.ru/politics/03/06/2025/683eb8659a7947eb72d0d6d9");
    private static readonly TimeSpan s_shortLimit = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Shapes that each make the tree builder search a deep stack for many tokens, sized to take 25 s or more to parse
    /// whole on the benchmark machine (none had finished after 25 s; the stray end tags, 200,000 of them, took 19 s),
    /// over a hundred times the limit used here.
    /// </summary>
    public static TheoryData<string, string> HostileShapes() => new()
    {
        // Each <li> and <ul> looks through the whole stack for a <p> in button scope: lists and items close none of it.
        { "nested lists", Repeat("<ul><li>", 60_000) },
        // The same search for every <div>.
        { "nested divs", Repeat("<div>", 100_000) },
        // Each x rebuilds the active formatting elements, checking each against the stack.
        { "bold text", Repeat("<b>x", 200_000) },
        // No element is created after the spans: each stray end tag walks the stack of 20,000 spans.
        { "stray end tags", Repeat("<span>", 20_000) + Repeat("</x>", 300_000) },
    };

    [Theory]
    [MemberData(nameof(HostileShapes))]
    public void A_parse_that_runs_past_its_limit_is_stopped_with_the_page_as_read_so_far(string shape, string html)
    {
        var parsed = PageParser.Parse("<p id=first>first</p>" + html + "<p id=last>last</p>", s_shortLimit);

        Assert.True(parsed.Stopped, shape + " was not reported stopped");
        Assert.InRange(parsed.StoppedAt!.Value, 1, parsed.Length - 1);
        Assert.Equal("first", parsed.Document.GetElementById("first")?.TextContent);
        Assert.Null(parsed.Document.GetElementById("last"));
        Assert.Contains("longer than 0.2 s", parsed.StopMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stopped_parse_makes_the_result_unsuccessful_with_an_error_of_the_whole_page_in_both_runners()
    {
        // The default limit (5 s), as every extractor parses: the title comes before the hostile part and is read.
        // Both runners at once, so that the test waits for the limit once.
        var html = "<h1 class='article__header__title-in'>Title</h1>" + Repeat("<ul><li>", 60_000);
        var interpreted = InterpretedRule.From(RuleResolver.ReadFile(Path.Combine(RepositoryPaths.RulesFolder, "rbc.ru", "article.scrape.yaml")).Rule!);

        var results = await Task.WhenAll(
            Task.Run(IExtractionResult () => RbcArticleExtractor.Instance.Extract(html, s_articleUrl)),
            Task.Run(IExtractionResult () => interpreted.Extract(html, s_articleUrl)));

        foreach (var result in results)
        {
            Assert.False(result.Success);
            var stopped = result.Problems[0];
            Assert.Equal((string.Empty, ProblemKind.ParseStopped, true), (stopped.Field, stopped.Kind, stopped.IsError));
            Assert.Contains("longer than 5 s to parse", stopped.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(result.Problems, p => p.Field == "title");
            using var json = JsonDocument.Parse(ResultJson.Serialize(result));
            Assert.Equal("Title", json.RootElement.GetProperty("value").GetProperty("title").GetString());
            Assert.Equal("parseStopped", json.RootElement.GetProperty("problems")[0].GetProperty("kind").GetString());
        }
    }

    [Fact]
    public void A_page_the_caller_parsed_reports_its_stopped_parse_in_both_runners_and_a_whole_one_reads_as_its_html_does()
    {
        // A caller that parses first (to find the page's URL, as scrape run does) and then extracts.
        var parsed = PageParser.Parse("<h1 class='article__header__title-in'>Title</h1>" + Repeat("<ul><li>", 60_000), s_shortLimit);
        var interpreted = InterpretedRule.From(RuleResolver.ReadFile(Path.Combine(RepositoryPaths.RulesFolder, "rbc.ru", "article.scrape.yaml")).Rule!);

        foreach (var result in new IExtractionResult[] { RbcArticleExtractor.Instance.Extract(parsed, s_articleUrl), interpreted.Extract(parsed, s_articleUrl) })
        {
            Assert.False(result.Success);
            Assert.Equal((string.Empty, ProblemKind.ParseStopped), (result.Problems[0].Field, result.Problems[0].Kind));
            Assert.Contains("longer than 0.2 s to parse", result.Problems[0].Message, StringComparison.Ordinal);
        }

        var article = File.ReadAllText(Path.Combine(RepositoryPaths.RulesFolder, "rbc.ru", "fixtures", "2025-06-03-politics-south-korea-election.html"));
        var fromParsed = RbcArticleExtractor.Instance.Extract(PageParser.Parse(article), s_articleUrl);
        Assert.True(fromParsed.Success);
        Assert.Equal(ResultJson.Serialize(RbcArticleExtractor.Instance.Extract(article, s_articleUrl)), ResultJson.Serialize(fromParsed));
    }

    [Fact]
    public void Without_a_limit_or_with_the_longest_one_a_slow_parse_runs_to_the_end()
    {
        // About 1 s whole on the benchmark machine: past a 1 ms limit (the watchdog looks every 50 ms), within none.
        var html = Repeat("<ul><li>", 7_000) + "<p id=last>last</p>";

        Assert.True(PageParser.Parse(html, TimeSpan.FromMilliseconds(1)).Stopped);
        foreach (var limit in new[] { Timeout.InfiniteTimeSpan, TimeSpan.MaxValue })
        {
            var whole = PageParser.Parse(html, limit);
            Assert.False(whole.Stopped, limit + " stopped the parse");
            Assert.Equal("last", whole.Document.GetElementById("last")?.TextContent);
            Assert.Null(whole.StopMessage);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_limit_is_positive_or_infinite(int milliseconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PageParser.Parse("<p>", TimeSpan.FromMilliseconds(milliseconds)));
    }

    private static string Repeat(string markup, int count) => string.Concat(Enumerable.Repeat(markup, count));
}
