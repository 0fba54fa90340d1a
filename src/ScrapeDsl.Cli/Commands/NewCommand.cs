using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using ScrapeDsl.Cli.Scaffold;
using ScrapeDsl.Examples;
using ScrapeDsl.Language;

namespace ScrapeDsl.Cli.Commands;

/// <summary><c>scrape new</c>: scaffold a rule from a saved page, with the page as its first example.</summary>
internal static class NewCommand
{
    public static Command Create()
    {
        var page = new Argument<string>("page") { Description = "The saved HTML page to learn from." };
        var url = new Option<string>("--url") { Description = "The page's URL (names the rule folder, match block and example).", Required = true };
        var name = new Option<string?>("--name") { Description = "The record name, e.g. NytArticle. Default: the site's name + Article." };
        var rulesDir = new Option<string>("--rules-dir") { Description = "Where rule folders live.", DefaultValueFactory = _ => "rules" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing rule file or fixture." };
        var charset = new Option<string?>("--charset") { Description = "The page's encoding when it has no BOM or <meta charset>." };
        var maxPageSize = PageLimits.MaxPageSizeOption();
        var command = new Command("new", """
            Scaffold a rule from a saved page: guesses title, authors, publishedAt, lead, body, tags and image from the
            page's JSON-LD, OpenGraph/article meta, microdata, h1, time[datetime], rel=author and its densest text block;
            writes rules/<host>/<name>.scrape.yaml (validated before it is written), copies the page to
            rules/<host>/fixtures/ and lists it under examples. Prints each guess and its evidence.

            Examples:
              scrape new saved/story.html --url https://www.example.com/news/2025/06/03/story
              scrape new saved/story.html --url https://example.com/a/1 --name ExampleStory --rules-dir my-rules

            Then: scrape run rules/example.com/fixtures/story.html --rules rules/example.com --url <url>

            Exit codes: 0 rule written; 2 bad input (no page, a page larger than --max-page-size or too slow to parse,
            bad URL or name, rule file already exists without --force).
            """)
        {
            page, url, name, rulesDir, force, charset, maxPageSize,
        };
        command.SetAction(result => Cli.Guard(() => Run(
            result.GetValue(page)!,
            result.GetValue(url)!,
            result.GetValue(name),
            result.GetValue(rulesDir)!,
            result.GetValue(force),
            Cli.Charset(result.GetValue(charset)),
            result.GetValue(maxPageSize))));
        return command;
    }

    private static int Run(string pagePath, string urlText, string? name, string rulesDir, bool force, string? charset, double maxPageSize)
    {
        if (pagePath == "-")
        {
            throw new CliError("scrape new needs a saved page file (it is copied into the rule's fixtures/)");
        }

        var url = Cli.ParseUrl(urlText);
        var bytes = Cli.ReadPage(pagePath, PageLimits.MaxPageBytes(maxPageSize));
        var html = PageText.Decode(bytes, charset);

        var fixtureName = Path.GetFileName(pagePath);
        var fixture = "fixtures/" + fixtureName;

        // Two rules with one record name would not compile together: names of the other rules are taken.
        var plain = SiteNames.From(url, name);
        var plainPath = Path.GetFullPath(Path.Combine(rulesDir, plain.Host, plain.FileName));
        var existing = ExistingRules(rulesDir).ToList();
        var taken = existing.Where(rule => rule.Path != plainPath).Select(rule => rule.Rule.Name).ToHashSet(StringComparer.Ordinal);
        var rule = Scaffolder.Scaffold(html, url, name, fixture, ScaffoldOptions.Default, taken);

        var folder = Path.Combine(rulesDir, rule.Site.Host);
        var rulePath = Path.Combine(folder, rule.Site.FileName);
        var fixturePath = Path.Combine(folder, "fixtures", fixtureName);
        if (!force && File.Exists(rulePath))
        {
            throw new CliError($"{rulePath} already exists; give another --name or use --force");
        }

        if (!force && File.Exists(fixturePath) && !SameBytes(fixturePath, bytes))
        {
            throw new CliError($"{fixturePath} already exists with other content; rename the page or use --force");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(fixturePath)!);
        File.WriteAllBytes(fixturePath, bytes);
        File.WriteAllText(rulePath, rule.Yaml);

        Console.WriteLine($"wrote {rulePath} ({rule.Rule.Name}) and {fixturePath}");
        foreach (var field in rule.Fields)
        {
            Console.WriteLine($"  {field.Name,-12} {Describe(rule.Result[field.Name])}");
            Console.WriteLine($"  {string.Empty,-12} from {field.Evidence}");
        }

        foreach (var missing in new[] { "authors", "publishedAt", "lead", "tags", "image" })
        {
            if (!rule.Fields.Any(f => f.Name == missing))
            {
                Console.WriteLine($"  {missing,-12} (no evidence on the page; not written)");
            }
        }

        // What the build will say of the new rule on its page: the guesses to review first (a selector that also matches
        // later elements, say), named now rather than at the next build.
        var findings = Findings(rulePath);
        if (findings.Count > 0)
        {
            Console.WriteLine($"the build will report {findings.Count} finding(s) on the example page (review these guesses first):");
            foreach (var finding in findings)
            {
                Console.WriteLine(finding.ToString());
            }
        }

        // A rule of the site may already take this URL (www.al.com's for al.com, or the same host's): the new one would
        // compete with it for every page (SCR014), and the page may belong in that rule's examples instead.
        foreach (var (other, otherPath) in OthersMatching(existing, url, rulePath))
        {
            Console.Error.WriteLine(
                $"warning: {other.Name} ({Path.Combine(rulesDir, Path.GetRelativePath(rulesDir, otherPath))}) already matches {url.AbsoluteUri}; "
                + $"two rules for one URL make dispatch ambiguous (SCR014). If this page is that rule's kind, delete {rulePath} and add the page under that rule's examples; otherwise narrow one of the two matches.");
        }

        Console.WriteLine($"next: scrape run {fixturePath} --rules {rulePath} --url {url.AbsoluteUri}");
        return 0;
    }

    /// <summary>The example checks' findings on a written rule file, as <c>scrape check</c> gives them.</summary>
    internal static IReadOnlyList<RuleDiagnostic> Findings(string rulePath)
    {
        var rule = RuleReader.Read(rulePath, File.ReadAllText(rulePath)).Rule;
        return rule is null ? Array.Empty<RuleDiagnostic>() : ExampleChecker.Check(rulePath, rule, CheckCommand.LoadPages(rulePath, rule)).AsArray();
    }

    /// <summary>The rules of <paramref name="existing"/> other than the one at <paramref name="rulePath"/> whose match takes <paramref name="url"/>.</summary>
    internal static IEnumerable<(Rule Rule, string Path)> OthersMatching(IEnumerable<(Rule Rule, string Path)> existing, Uri url, string rulePath)
    {
        var written = Path.GetFullPath(rulePath);
        return existing.Where(other => other.Path != written && UrlMatching.Matches(other.Rule.Match, url));
    }

    /// <summary>The rules (not partials) under <paramref name="rulesDir"/>, build output left out, with their full paths.</summary>
    internal static IEnumerable<(Rule Rule, string Path)> ExistingRules(string rulesDir)
    {
        if (!Directory.Exists(rulesDir))
        {
            yield break;
        }

        foreach (var file in ExampleCatalog.RuleFiles(rulesDir))
        {
            if (RuleReader.IsPartialPath(file))
            {
                continue;
            }

            if (RuleReader.Read(file, File.ReadAllText(file)).Rule is { } existing)
            {
                yield return (existing, Path.GetFullPath(file));
            }
        }
    }

    private static bool SameBytes(string path, byte[] bytes) => File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);

    private static string Describe(object? value)
    {
        var text = value switch
        {
            null => "(nothing)",
            string s => s,
            DateTimeOffset d => d.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture),
            Uri u => u.ToString(),
            IReadOnlyList<string> list => "[" + string.Join(", ", list) + "]",
            _ => value.ToString() ?? string.Empty,
        };
        text = text.Replace('\n', ' ');
        return text.Length <= 100 ? text : text.Substring(0, 99) + "…";
    }
}
