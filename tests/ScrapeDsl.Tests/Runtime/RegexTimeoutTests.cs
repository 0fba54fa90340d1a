using System;
using System.Linq;
using ScrapeDsl.Interpreter;
using ScrapeDsl.Language;
using Xunit;

namespace ScrapeDsl.Tests.Runtime;

/// <summary>
/// A regex that backtracks catastrophically on a hostile page runs into <see cref="Transform.RegexTimeout"/>. The timeout
/// bounds one match; a page with thousands of such values would still take thousands of timeouts, so a regex that timed
/// out is not run again on that page, and the result says so.
/// </summary>
public sealed class RegexTimeoutTests
{
    private const string Rule = """
        name: T
        match: { hosts: [t.example] }
        fields:
          items:
            css: p
            many: true
            transform: [ { regex: '(a+)+$' } ]
          words:
            css: p
            many: true
            transform: [ { split: '(a+)+$' } ]
          title: h1
        """;

    [Fact]
    public void A_regex_that_timed_out_is_not_run_again_on_the_page_and_the_result_says_so()
    {
        // 200 values that each take the regex past its timeout: 40 s if every value paid it.
        var html = "<h1>Title</h1>" + string.Concat(Enumerable.Repeat("<p>" + new string('a', 40) + "!</p>", 200));
        var file = RuleReader.Read("t.scrape.yaml", Rule);
        Assert.False(file.HasErrors, string.Join("\n", file.Diagnostics));

        var result = InterpretedRule.From(file.Rule!).Extract(html, new Uri("https://t.example/a"));

        Assert.True(result.Success);
        Assert.Equal("Title", result.Partial["title"]);
        var timeouts = result.Problems.Where(problem => problem.Kind == ProblemKind.RegexTimedOut).ToList();
        Assert.Equal(new[] { "regex (a+)+$", "split (a+)+$" }, timeouts.Select(problem => problem.Message.Split('\'')[1]));
        Assert.All(timeouts, problem => Assert.Equal(string.Empty, problem.Field));
        Assert.All(timeouts, problem => Assert.False(problem.IsError));
        Assert.Contains(result.Problems, problem => problem.Field == "items" && problem.Kind == ProblemKind.Missing);
        Assert.Contains(result.Problems, problem => problem.Field == "words" && problem.Kind == ProblemKind.Missing);
    }

    [Fact]
    public void The_next_page_runs_the_regex_again()
    {
        var file = RuleReader.Read("t.scrape.yaml", Rule);
        var rule = InterpretedRule.From(file.Rule!);
        rule.Extract("<p>" + new string('a', 40) + "!</p>", new Uri("https://t.example/a"));

        var result = rule.Extract("<p>aaa</p>", new Uri("https://t.example/b"));

        Assert.Equal(new[] { "aaa" }, (System.Collections.Generic.IEnumerable<string>)result.Partial["items"]!);
        Assert.DoesNotContain(result.Problems, problem => problem.Kind == ProblemKind.RegexTimedOut);
    }
}
