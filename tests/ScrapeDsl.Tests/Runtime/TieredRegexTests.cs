using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using AngleSharp.Dom;
using ScrapeDsl.Language;
using ScrapeDsl.Examples;
using Xunit;
using LanguageField = ScrapeDsl.Language.Field;
using LanguageTransform = ScrapeDsl.Language.Transform;

namespace ScrapeDsl.Tests.Runtime;

/// <summary>
/// A rule's regexes are interpreted until they have run <see cref="TieredRegex.UsesBeforeCompiling"/> times, then
/// compiled: the swap must happen once, and the compiled regex must give every value the interpreted one gives, on the
/// patterns the repository's rules use and the text of their example pages, with the same timeout.
/// </summary>
public class TieredRegexTests
{
    [Fact]
    public async Task The_regex_is_compiled_once_it_has_been_used_often_enough()
    {
        var regex = new TieredRegex(@"^(.*?)\s*·");
        for (var i = 1; i < TieredRegex.UsesBeforeCompiling; i++)
        {
            Assert.Same(regex.Interpreted, regex.Regex);
        }

        Assert.Null(regex.Compiling);
        Assert.False(regex.IsCompiled);

        // The use that reaches the threshold starts compiling. It gets the interpreted regex unless the thread pool
        // finished first (a preempted test thread), so only the pattern is certain.
        Assert.Equal(regex.Interpreted.ToString(), regex.Regex.ToString());
        var compiling = regex.Compiling;
        Assert.NotNull(compiling);
        await compiling.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(regex.IsCompiled);
        var compiled = regex.Regex;
        Assert.NotSame(regex.Interpreted, compiled);
        Assert.Equal(regex.Interpreted.ToString(), compiled.ToString());
        Assert.Equal(RegexOptions.CultureInvariant | RegexOptions.Compiled, compiled.Options);
        Assert.Equal(Transform.RegexTimeout, compiled.MatchTimeout);

        // Later uses neither compile again nor replace it.
        for (var i = 0; i < 10; i++)
        {
            Assert.Same(compiled, regex.Regex);
        }

        Assert.Same(compiling, regex.Compiling);
    }

    [Fact]
    public void A_page_matches_a_yearFromUrl_pattern_once_for_all_its_dates()
    {
        var page = TestPage.Parse("<p>03 июн</p>");
        var year = new TieredRegex(@"/news/(\d{4})/");
        var noYear = new TieredRegex(@"/(\d{4})-\d{2}/");
        for (var i = 0; i < 2 * TieredRegex.UsesBeforeCompiling; i++)
        {
            Assert.Equal("2025", page.YearFromUrl(year));
            Assert.Null(page.YearFromUrl(noYear));
        }

        // Each pattern was matched once: a match per date would have reached the threshold and started compiling.
        Assert.Null(year.Compiling);
        Assert.Null(noYear.Compiling);

        // A page of its own matches again.
        Assert.Equal("2025", TestPage.Parse("<p></p>").YearFromUrl(year));
    }

    [Fact]
    public async Task The_compiled_regex_still_times_out()
    {
        // Backtracking over 60 letters takes far longer than the timeout, however fast the compiled code is.
        var regex = await Compiled(@"(?:a|aa)+b");

        Assert.Throws<RegexMatchTimeoutException>(() => regex.Regex.Match(new string('a', 60) + "c"));
    }

    public static TheoryData<string, string> RulePatterns()
    {
        var data = new TheoryData<string, string>();
        foreach (var (rule, pattern) in PatternsOfRules().Distinct())
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.RulesFolder, rule).Replace('\\', '/'), pattern);
        }

        return data;
    }

    [Fact]
    public void The_rules_have_patterns_to_compare()
    {
        // An empty list would make the theory below pass vacuously.
        Assert.True(PatternsOfRules().Count() >= 10);
    }

    [Theory]
    [MemberData(nameof(RulePatterns))]
    public async Task Compiled_and_interpreted_agree_on_the_text_of_the_example_pages(string rule, string pattern)
    {
        var regex = await Compiled(pattern);
        var interpreted = regex.Interpreted;
        var compiled = regex.Regex;
        var texts = TextsOfExamples(Path.Combine(RepositoryPaths.RulesFolder, rule));
        Assert.NotEmpty(texts);
        foreach (var text in texts)
        {
            Assert.Equal(Describe(interpreted.Match(text)), Describe(compiled.Match(text)));
            Assert.Equal(interpreted.Replace(text, "[$1]"), compiled.Replace(text, "[$1]"));
            Assert.Equal(interpreted.Split(text), compiled.Split(text));
        }
    }

    private static async Task<TieredRegex> Compiled(string pattern)
    {
        var regex = new TieredRegex(pattern);
        for (var i = 0; i < TieredRegex.UsesBeforeCompiling; i++)
        {
            _ = regex.Regex;
        }

        await regex.Compiling!.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(regex.IsCompiled);
        return regex;
    }

    /// <summary>Every match in order, with each group's success, position and text.</summary>
    private static string Describe(Match match)
    {
        var parts = new List<string>();
        for (; match.Success; match = match.NextMatch())
        {
            parts.Add(string.Join("|", match.Groups.Cast<Group>().Select(group => $"{group.Success}:{group.Index}:{group.Value}")));
        }

        return string.Join("\n", parts);
    }

    /// <summary>The regex, replace, split and yearFromUrl patterns of every rule in <c>rules/</c> that has example pages.</summary>
    private static IEnumerable<(string Rule, string Pattern)> PatternsOfRules()
    {
        var rulePaths = ExampleCatalog.Discover(RepositoryPaths.RulesFolder, out _)
            .Select(example => example.RulePath)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var path in rulePaths)
        {
            var rule = RuleResolver.ReadFile(path).Rule!;
            foreach (var transform in rule.Fields.SelectMany(TransformsOf))
            {
                if (transform.Kind is TransformKind.Regex or TransformKind.Replace or TransformKind.Split)
                {
                    yield return (path, transform.Text);
                }
                else if (transform.YearFromUrl is { } yearFromUrl)
                {
                    yield return (path, yearFromUrl);
                }
            }
        }
    }

    private static IEnumerable<LanguageTransform> TransformsOf(LanguageField field) =>
        field.Transforms
            .Concat(field.Sources.SelectMany(source => source.Transforms))
            .Concat(field.Fields.SelectMany(TransformsOf));

    /// <summary>Every text node and attribute value of the rule's example pages, and the element texts a rule reads.</summary>
    private static List<string> TextsOfExamples(string rulePath)
    {
        var rule = RuleResolver.ReadFile(rulePath).Rule!;
        var texts = new List<string>();
        foreach (var example in rule.Examples)
        {
            var html = PageText.Decode(File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(rulePath)!, example.Page)));
            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
            foreach (var node in document.Descendants())
            {
                if (node is IText text)
                {
                    texts.Add(text.Data);
                }
                else if (node is IElement element)
                {
                    texts.AddRange(element.Attributes.Select(attribute => attribute.Value));
                    if (element.ChildElementCount <= 3)
                    {
                        texts.Add(TextContent.Of(element));
                    }
                }
            }
        }

        return texts;
    }
}
