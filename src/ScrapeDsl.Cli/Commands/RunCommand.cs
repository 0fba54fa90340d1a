using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text;
using ScrapeDsl.Examples;
using ScrapeDsl.Interpreter;
using ScrapeDsl.Language;

namespace ScrapeDsl.Cli.Commands;

/// <summary><c>scrape run</c>: extract one page to JSON with the compiled rules, or with rule files given by <c>--rules</c>.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var page = new Argument<string>("page") { Description = "The saved HTML page, or - to read it from standard input." };
        var url = new Option<string?>("--url") { Description = "The page's URL: picks the rule and resolves relative links. Default: the page's canonical link or og:url." };
        var rules = new Option<string?>("--rules") { Description = "A rule file or folder to run straight from YAML (no build). Default: the compiled rules." };
        var charset = new Option<string?>("--charset") { Description = "The page's encoding when it has no BOM or <meta charset> (e.g. windows-1251)." };
        var parseLimit = PageLimits.ParseLimitOption("a page that takes longer (hostile or broken markup) gives what was parsed in time and a parseStopped problem");
        var maxPageSize = PageLimits.MaxPageSizeOption();
        var command = new Command("run", """
            Extract one page to JSON.

            Examples:
              scrape run rules/rbc.ru/fixtures/2025-06-03-politics-south-korea-election.html --url https://www.rbc.ru/politics/03/06/2025/683eb8659a7947eb72d0d6d9
              curl -s https://www.rbc.ru/ | scrape run - --url https://www.rbc.ru/
              scrape run page.html --rules rules/rbc.ru/article.scrape.yaml --url https://www.rbc.ru/politics/03/06/2025/x

            Exit codes: 0 extracted; 1 extracted but a required field is missing (or the parse was stopped at
            --parse-limit); 2 bad input (no file, a page larger than --max-page-size, no rule for the URL, broken rule,
            --parse-limit or --max-page-size out of range).
            """)
        {
            page, url, rules, charset, parseLimit, maxPageSize,
        };
        command.SetAction(result => Cli.Guard(() => Run(
            result.GetValue(page)!,
            result.GetValue(url),
            result.GetValue(rules),
            Cli.Charset(result.GetValue(charset)),
            result.GetValue(parseLimit),
            result.GetValue(maxPageSize))));
        return command;
    }

    private static int Run(string pagePath, string? urlText, string? rulesPath, string? charset, double parseLimit, double maxPageSize)
    {
        PageLimits.ApplyParseLimit(parseLimit);
        var html = PageText.Decode(Cli.ReadPage(pagePath, PageLimits.MaxPageBytes(maxPageSize)), charset);

        // Parsed once, for its URL and for the rule (a stopped parse is reported in the result).
        var parsed = PageParser.Parse(html);
        var url = urlText is null ? PageUrl.Find(parsed.Document) : Cli.ParseUrl(urlText);
        var registry = rulesPath is null ? ScrapeDsl.Rules.ScrapeRules.Registry : LoadRules(rulesPath);
        IExtractor extractor;
        if (url is null)
        {
            extractor = registry.All.Count == 1
                ? registry.All[0]
                : throw new CliError("the page has no canonical link or og:url; give its address with --url so a rule can be picked");
        }
        else
        {
            extractor = registry.Find(url) ?? throw new CliError($"no rule matches {url} (rules: {RuleNames(registry)})");
        }

        var result = extractor.ExtractUntyped(parsed, url);
        Cli.WriteJson(result);
        return result.Success ? 0 : 1;
    }

    /// <summary>Loads rule files for interpretation; any error in them stops the run with the compiler-style messages.</summary>
    internal static ExtractorRegistry LoadRules(string path)
    {
        var files = new List<string>();
        if (Directory.Exists(path))
        {
            // Build output (rules/bin/…) holds copies of the rule files: reading them too would load every rule twice.
            foreach (var pattern in RuleFileNames.Patterns)
            {
                foreach (var file in Directory.GetFiles(path, pattern, SearchOption.AllDirectories))
                {
                    if (!ExampleCatalog.IsBuildOutput(path, file))
                    {
                        files.Add(file);
                    }
                }
            }

            files.Sort(StringComparer.Ordinal);
        }
        else if (File.Exists(path))
        {
            files.Add(path);
        }
        else
        {
            throw new CliError($"rule file or folder '{path}' not found");
        }

        if (files.Count == 0)
        {
            throw new CliError($"no *.scrape.yaml (or *.scrape.yml) files under '{path}'");
        }

        var extractors = new List<IExtractor>();
        var errors = new StringBuilder();
        foreach (var file in files)
        {
            if (RuleReader.IsPartialPath(file))
            {
                continue; // a partial (_name.scrape.yaml) only lends remove/fields to the rules that extend it
            }

            var ruleFile = RuleResolver.ReadFile(file);
            foreach (var diagnostic in ruleFile.Diagnostics)
            {
                Console.Error.WriteLine(diagnostic.ToString());
            }

            if (ruleFile.Rule is { } rule)
            {
                extractors.Add(Cli.Interpret(rule));
            }
            else
            {
                errors.Append(errors.Length == 0 ? string.Empty : ", ").Append(file);
            }
        }

        if (errors.Length > 0)
        {
            throw new CliError("rule file has errors: " + errors);
        }

        return new ExtractorRegistry(extractors);
    }

    private static string RuleNames(ExtractorRegistry registry)
    {
        var names = new List<string>();
        foreach (var extractor in registry.All)
        {
            names.Add(extractor.RuleName);
        }

        names.Sort(StringComparer.Ordinal); // the registry's order is dispatch order; a reader looks a name up
        return string.Join(", ", names);
    }
}
