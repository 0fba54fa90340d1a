using System;

namespace ScrapeDsl.Cli;

/// <summary>A problem with the user's input: reported as one line on stderr with exit code 2, never as a stack trace.</summary>
internal sealed class CliError : Exception
{
    public const int ExitCode = 2;

    public CliError(string message)
        : base(message)
    {
    }
}
