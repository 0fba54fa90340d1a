using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using ScrapeDsl.Examples;
using ScrapeDsl.Language;

namespace ScrapeDsl.Cli.Commands;

/// <summary>
/// <c>scrape check</c>: the build's rule checks without a build. Runs the same language-library code as the analyzer
/// and the generator (each file's own problems, <c>extends</c>, the example checks, the checks across files), so it
/// prints the same ids at the same lines and columns, in the compiler's format. Only SCR050 (custom transform methods)
/// is the build's alone: it needs the C# compilation.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Rule files or folders to check (folders are searched for *.scrape.yaml). Default: rules",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var noExamples = new Option<bool>("--no-examples") { Description = "Skip running the rules on their example pages (as ScrapeDslCheckExamples=false in a build)." };
        var command = new Command("check", """
            Check rule files as the build does and print each problem as path(line,col): error|warning|info ID: message.

            Examples:
              scrape check
              scrape check rules/rbc.ru/article.scrape.yaml
              scrape check rules --no-examples

            Exit codes: 0 no errors (warnings and infos may be printed); 1 at least one error; 2 bad input (no such path).
            """)
        {
            paths, noExamples,
        };
        command.SetAction(result => Cli.Guard(() => Run(result.GetValue(paths) ?? Array.Empty<string>(), !result.GetValue(noExamples))));
        return command;
    }

    private static int Run(string[] paths, bool checkExamples)
    {
        var files = FindRuleFiles(paths.Length == 0 ? new[] { "rules" } : paths);
        var diagnostics = new List<RuleDiagnostic>();
        var summaries = new List<RuleSummary>();
        var read = new List<RuleFile>();
        foreach (var file in files)
        {
            var ruleFile = RuleReader.Read(file, File.ReadAllText(file));
            diagnostics.AddRange(ruleFile.Diagnostics);
            read.Add(ruleFile);
            if (ruleFile.Rule is { IsPartial: false } rule)
            {
                summaries.Add(RuleSummary.Of(file, rule));
            }
        }

        // The partials a checked rule extends are read too when they were not named (checking one rule file checks its chain).
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in read)
        {
            known.Add(RuleResolver.Target(file.Path, Path.GetFileName(file.Path)));
        }

        for (var i = 0; i < read.Count; i++)
        {
            if (read[i].Rule?.Extends is { } reference
                && RuleResolver.Target(read[i].Path, reference.Path) is var target
                && known.Add(target)
                && File.Exists(target))
            {
                var partial = RuleReader.Read(target, File.ReadAllText(target));
                diagnostics.AddRange(partial.Diagnostics);
                read.Add(partial);
            }
        }

        // As the generator: 'extends' resolved across the files, then each
        // resolved rule run on its example pages. Custom transform methods (SCR050) need the C# compilation: the build checks them.
        var resolved = RuleResolver.Resolve(read);
        diagnostics.AddRange(resolved.Diagnostics);
        if (checkExamples)
        {
            foreach (var file in resolved.Files)
            {
                if (file.Rule is { IsPartial: false } rule && rule.Examples.Count > 0)
                {
                    diagnostics.AddRange(ExampleChecker.Check(file.Path, rule, LoadPages(file.Path, rule)));
                }
            }
        }

        diagnostics.AddRange(RuleSetChecks.Check(summaries));
        diagnostics.Sort(static (a, b) =>
        {
            var byPath = string.CompareOrdinal(a.Path, b.Path);
            return byPath != 0 ? byPath : a.Span.Start.CompareTo(b.Span.Start);
        });

        var counts = new int[3];
        foreach (var diagnostic in diagnostics)
        {
            Console.Out.WriteLine(diagnostic.ToString());
            counts[(int)diagnostic.Severity]++;
        }

        Console.Error.WriteLine($"scrape check: {files.Count} rule file(s): {counts[(int)RuleSeverity.Error]} error(s), {counts[(int)RuleSeverity.Warning]} warning(s), {counts[(int)RuleSeverity.Info]} info(s)");
        return counts[(int)RuleSeverity.Error] > 0 ? 1 : 0;
    }

    /// <summary>The example pages of a rule, read from disk beside the rule file and decoded as the runtime decodes pages.</summary>
    internal static List<ExamplePage> LoadPages(string ruleFile, Rule rule)
    {
        var pages = new List<ExamplePage>();
        var folder = Path.GetDirectoryName(ruleFile) ?? string.Empty;
        foreach (var example in rule.Examples)
        {
            var path = Path.Combine(folder, example.Page);
            var problem = PageFile.TryRead(path, PageFile.DefaultMaxBytes, out var bytes);
            pages.Add(new ExamplePage(example, ExamplePaths.Resolve(ruleFile, example.Page), problem is null ? PageText.Decode(bytes) : null)
            {
                Problem = File.Exists(path) ? problem : null, // a file that is there but not a page says what it is
            });
        }

        return pages;
    }

    private static List<string> FindRuleFiles(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                foreach (var pattern in RuleFileNames.Patterns)
                {
                    foreach (var file in Directory.GetFiles(path, pattern, SearchOption.AllDirectories))
                    {
                        // The build copies rule files to bin/ (CopyToOutputDirectory); those copies are not rules of their own.
                        if (!ExampleCatalog.IsBuildOutput(path, file))
                        {
                            files.Add(file);
                        }
                    }
                }
            }
            else
            {
                throw new CliError($"rule file or folder '{path}' not found");
            }
        }

        var unique = new List<string>(new SortedSet<string>(files, StringComparer.Ordinal));
        return unique;
    }
}
