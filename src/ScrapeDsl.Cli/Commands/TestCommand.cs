using System;
using System.Collections.Generic;
using System.CommandLine;
using ScrapeDsl.Examples;
using ScrapeDsl.Interpreter;
using ScrapeDsl.Language;

namespace ScrapeDsl.Cli.Commands;

/// <summary>
/// <c>scrape test [paths]</c>: runs every example of the rules under the paths straight from YAML (no build) and
/// compares each with its verified snapshot, reporting changed fields first. The rule author's fast loop.
/// </summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Rule files or folders (default: rules).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("test", """
            Run the rules' example pages against their verified snapshots, without building.

            Examples:
              scrape test
              scrape test rules/rbc.ru/article.scrape.yaml

            A difference writes <page>.received.json beside the page; review it, then `scrape accept`.
            A rule file with errors is reported and its examples are not run; the other rules' examples still are.
            Exit codes: 0 all examples match; 1 a snapshot differs, is missing or is dangling; 2 bad input or a broken rule.
            """)
        {
            paths,
        };
        command.SetAction(result => Cli.Guard(() => Run(Cli.PathsOrRules(result.GetValue(paths)))));
        return command;
    }

    private static int Run(IReadOnlyList<string> paths)
    {
        var failures = 0;
        var total = 0;
        var broken = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            // A broken rule's examples cannot run, but one rule being edited should not hide what the others do.
            var examples = ExampleCatalog.Discover(path, out var problems);
            foreach (var problem in problems)
            {
                Console.Error.WriteLine(problem.ToString());
                broken.Add(problem.Path);
            }

            var rules = new Dictionary<string, InterpretedRule>(StringComparer.Ordinal);
            foreach (var example in examples)
            {
                total++;
                var outcome = ExampleRunner.Check(example, name => Load(rules, example.RulePath, name));
                Console.WriteLine((outcome.Status == ExampleStatus.Matches ? "ok    " : "FAIL  ") + outcome.Report());
                if (outcome.Status != ExampleStatus.Matches)
                {
                    failures++;
                }
            }

            // A broken rule's snapshots would look dangling: its examples are unknown.
            if (System.IO.Directory.Exists(path) && problems.Count == 0)
            {
                foreach (var dangling in ExampleCatalog.DanglingSnapshots(path, examples))
                {
                    failures++;
                    Console.WriteLine("FAIL  " + dangling + ": no example produces this snapshot; delete it or list its page under a rule's examples");
                }
            }
        }

        Console.WriteLine($"{total - failures} of {total} examples match");
        if (broken.Count > 0)
        {
            throw new CliError($"{broken.Count} rule file(s) with errors above were not tested; fix them (scrape check shows every problem)");
        }

        return failures == 0 ? 0 : 1;
    }

    private static InterpretedRule? Load(Dictionary<string, InterpretedRule> rules, string rulePath, string name)
    {
        if (!rules.TryGetValue(rulePath, out var rule))
        {
            var file = RuleResolver.ReadFile(rulePath);
            rule = Cli.Interpret(file.Rule!);
            rules.Add(rulePath, rule);
        }

        return rule.RuleName == name ? rule : null;
    }
}
