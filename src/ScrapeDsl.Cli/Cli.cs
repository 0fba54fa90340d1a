using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

using ScrapeDsl.Examples;

namespace ScrapeDsl.Cli;

/// <summary>What every subcommand shares: reading input, writing JSON, and turning input errors into one stderr line.</summary>
internal static class Cli
{
    /// <summary>Runs a command body; a <see cref="CliError"/> or an unreadable file becomes one line on stderr and exit code 2.</summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CliError error)
        {
            Console.Error.WriteLine("scrape: error: " + error.Message);
            return CliError.ExitCode;
        }
        catch (IOException error)
        {
            Console.Error.WriteLine("scrape: error: " + error.Message);
            return CliError.ExitCode;
        }
        catch (UnauthorizedAccessException error)
        {
            Console.Error.WriteLine("scrape: error: " + error.Message);
            return CliError.ExitCode;
        }
    }

    /// <summary>Reads a page file, or standard input for <c>-</c>, refusing one larger than <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadPage(string path, long maxBytes)
    {
        if (path == "-")
        {
            using var input = Console.OpenStandardInput();
            return ReadPage(input, "the page on standard input", maxBytes);
        }

        if (Directory.Exists(path))
        {
            throw new CliError($"'{path}' is a folder; give one saved page (.html)");
        }

        if (!File.Exists(path))
        {
            throw new CliError($"page file '{path}' not found");
        }

        if (PageFile.NotRegular(path) is { } kind)
        {
            // Not opened: a FIFO would wait for a writer, and a device may never end.
            throw new CliError($"'{path}' is {kind}, not a saved page");
        }

        var length = new FileInfo(path).Length;
        if (length > maxBytes)
        {
            throw PageLimits.TooLarge($"page file '{path}'", length, maxBytes);
        }

        // As a stream with the limit: a file that reports no length (/proc) is read to its end, but not past the limit.
        using var stream = File.OpenRead(path);
        return ReadPage(stream, $"page file '{path}'", maxBytes);
    }

    /// <summary>Reads a page from a stream (standard input) to its end, stopping as soon as it passes <paramref name="maxBytes"/>.</summary>
    internal static byte[] ReadPage(Stream input, string source, long maxBytes) =>
        PageFile.ReadToLimit(input, maxBytes) ?? throw PageLimits.TooLarge(source, null, maxBytes);

    /// <summary>The <c>--charset</c> the user typed, refused when it names no encoding: the library would ignore it silently.</summary>
    public static string? Charset(string? charset) =>
        charset is null || PageText.IsKnownCharset(charset)
            ? charset
            : throw new CliError($"--charset '{charset}' is not an encoding label of the WHATWG Encoding standard that can be decoded here (such as utf-8, windows-1251, koi8-r, shift_jis, euc-jp)");

    /// <summary>Parses an absolute http(s) URL given on the command line.</summary>
    public static Uri ParseUrl(string text)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        throw new CliError($"'{text}' is not an absolute http(s) URL");
    }

    /// <summary>The given paths, or the <c>rules</c> folder of the current directory when none are given.</summary>
    public static IReadOnlyList<string> PathsOrRules(string[]? paths)
    {
        if (paths is { Length: > 0 })
        {
            return paths;
        }

        return Directory.Exists("rules")
            ? new[] { "rules" }
            : throw new CliError("no paths given and there is no rules folder here; pass rule files or folders");
    }

    /// <summary>
    /// Prepares a rule for an interpreted run with the custom C# transforms compiled into the rules assembly;
    /// what the interpreter cannot run (a custom method not compiled yet) is said on stderr, not silently dropped.
    /// </summary>
    public static ScrapeDsl.Interpreter.InterpretedRule Interpret(ScrapeDsl.Language.Rule rule)
    {
        var interpreted = ScrapeDsl.Interpreter.InterpretedRule.From(
            rule, ScrapeDsl.Interpreter.CustomTransforms.FromAssembly(typeof(ScrapeDsl.Rules.ScrapeRules).Assembly, rule.Name));
        foreach (var warning in interpreted.Warnings)
        {
            Console.Error.WriteLine("scrape: warning: " + rule.Name + ": " + warning);
        }

        return interpreted;
    }

    /// <summary>Writes a result as indented UTF-8 JSON to standard output.</summary>
    public static void WriteJson(IExtractionResult result)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout, ResultJson.Options))
        {
            ResultJson.Write(writer, result);
        }

        stdout.WriteByte((byte)'\n');
    }
}
