using System.CommandLine;
using ScrapeDsl.Cli.Commands;

namespace ScrapeDsl.Cli;

/// <summary>The <c>scrape</c> tool. Exit codes: 0 success, 1 the rule ran but a required field is missing, 2 bad input.</summary>
public static class Program
{
    /// <summary>Runs the tool.</summary>
    public static int Main(string[] args)
    {
        var root = new RootCommand("scrape: run, check and test ScrapeDsl rules (rules/<site>/*.scrape.yaml).")
        {
            RunCommand.Create(),
            TestCommand.Create(),
            AcceptCommand.Create(),
            CheckCommand.Create(),
            NewCommand.Create(),
            NewEvalCommand.Create(),
            BatchCommand.Create(),
        };

        return root.Parse(args).Invoke();
    }
}
