using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using ScrapeDsl.Cli.Commands;

namespace ScrapeDsl.Cli;

/// <summary>
/// The <c>scrape</c> tool. Exit codes (docs/cli.md): 0 success, 1 the rule ran but a required field is missing, 2 bad
/// input, a command line the parser rejects included.
/// </summary>
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

        var parsed = root.Parse(args);

        // System.CommandLine's own answer to a parse error is exit code 1 (which means "extracted but unsuccessful"
        // here) and the whole help after the errors. A usage error is bad input like any other. --help clears the parse
        // errors, so it never gets here.
        if (parsed.Action is ParseErrorAction)
        {
            WriteUsageErrors(parsed);
            return CliError.ExitCode;
        }

        return parsed.Invoke();
    }

    /// <summary>One line per parse error in the form of every other input error; the last one says where the help is.</summary>
    private static void WriteUsageErrors(ParseResult parsed)
    {
        var commands = new List<string>();
        for (var result = parsed.CommandResult; result.Parent is CommandResult parent; result = parent)
        {
            commands.Insert(0, result.Command.Name);
        }

        // The root command is named after the executable (testhost, ScrapeDsl.Cli); the tool is installed as 'scrape'.
        commands.Insert(0, "scrape");
        var hint = " (see '" + string.Join(" ", commands) + " --help')";
        for (var i = 0; i < parsed.Errors.Count; i++)
        {
            var message = parsed.Errors[i].Message.Replace('\r', ' ').Replace('\n', ' ').TrimEnd().TrimEnd('.');
            Console.Error.WriteLine("scrape: error: " + message + (i == parsed.Errors.Count - 1 ? hint : string.Empty));
        }
    }
}
