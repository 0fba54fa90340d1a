using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using ScrapeDsl.Examples;

namespace ScrapeDsl.Cli.Commands;

/// <summary><c>scrape accept [paths]</c>: moves received snapshots over their verified ones and lists each.</summary>
internal static class AcceptCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Received files or folders to search (default: rules).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("accept", """
            Accept new snapshots: move each *.received.* file over its *.verified.* file.

            Examples:
              scrape accept
              scrape accept rules/rbc.ru/fixtures/home-page.received.json

            Review what `scrape test` or `dotnet test` reported before accepting. Exit codes: 0 done (also when nothing was waiting); 2 bad input.
            """)
        {
            paths,
        };
        command.SetAction(result => Cli.Guard(() => Run(Cli.PathsOrRules(result.GetValue(paths)))));
        return command;
    }

    private static int Run(IReadOnlyList<string> paths)
    {
        var received = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                received.Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*" + Snapshot.ReceivedMarker + "*", SearchOption.AllDirectories))
                {
                    if (!ExampleCatalog.IsBuildOutput(path, file))
                    {
                        received.Add(Path.GetFullPath(file));
                    }
                }
            }
            else
            {
                throw new CliError($"'{path}' not found");
            }
        }

        received.Sort(StringComparer.Ordinal);
        foreach (var file in received)
        {
            if (!file.Contains(Snapshot.ReceivedMarker, StringComparison.Ordinal))
            {
                throw new CliError($"'{file}' is not a received snapshot (*{Snapshot.ReceivedMarker}*)");
            }

            Console.WriteLine("accepted " + Snapshot.Accept(file));
        }

        Console.WriteLine(received.Count == 0 ? "nothing to accept" : $"{received.Count} snapshot(s) accepted");
        return 0;
    }
}
