using System;
using System.Collections.Generic;
using ScrapeDsl.Interpreter;
using ScrapeDsl.Language;

namespace ScrapeDsl.Cli.Scaffold;

/// <summary>A scaffolded rule: its YAML (already validated), the guesses behind it, and what it extracts from the page.</summary>
/// <param name="Site">Folder, record and file names.</param>
/// <param name="Yaml">The rule file text; <see cref="RuleReader"/> reads it without errors.</param>
/// <param name="Rule">The rule as read back from <paramref name="Yaml"/>.</param>
/// <param name="Fields">What was guessed, with evidence.</param>
/// <param name="Result">The rule run on its own example page (through the interpreter).</param>
/// <param name="Success">True when that run found every required field.</param>
internal sealed record ScaffoldedRule(SiteNames Site, string Yaml, Rule Rule, IReadOnlyList<FieldGuess> Fields, InterpretedRecord Result, bool Success);

/// <summary>Guesses a rule from a saved page, writes it as YAML and proves it valid before anyone sees it.</summary>
internal static class Scaffolder
{
    /// <summary>Scaffolds a rule; the page path in <paramref name="fixture"/> is written under <c>examples</c> as given; <paramref name="takenNames"/> are record names other rules already use.</summary>
    /// <exception cref="InvalidOperationException">The generated YAML does not validate: a bug in the scaffolder, never written anywhere.</exception>
    /// <exception cref="CliError">The page took longer than <see cref="PageParser.TimeLimit"/> to parse.</exception>
    public static ScaffoldedRule Scaffold(string html, Uri url, string? recordName, string fixture, ScaffoldOptions options, IReadOnlyCollection<string>? takenNames = null)
    {
        var site = SiteNames.From(url, recordName, takenNames);
        var parsed = PageParser.Parse(html);
        if (parsed.StopMessage is { } stopped)
        {
            // Guessing from part of a page would write a rule for what happens to come first.
            throw new CliError("cannot scaffold from this page: " + stopped);
        }

        var document = parsed.Document;
        var page = PageEvidence.Read(document, url);
        var fields = new List<FieldGuess>();
        foreach (var field in ArticleGuesser.Guess(page, options))
        {
            if (Writable(field))
            {
                fields.Add(field);
            }
        }

        var yaml = RuleWriter.Write(site, url, fixture, fields, options);
        var file = RuleReader.Read(site.FileName, yaml);
        if (file.HasErrors || file.Rule is null)
        {
            throw new InvalidOperationException("scrape new generated a rule that does not validate (a bug; nothing was written):\n"
                + string.Join("\n", file.Diagnostics) + "\n---\n" + yaml);
        }

        var result = InterpretedRule.From(file.Rule).Extract(document, url);
        return new ScaffoldedRule(site, yaml, file.Rule, fields, result.Partial, result.Success);
    }

    /// <summary>Every CSS source must pass the language's own selector check; a field without one is left out.</summary>
    private static bool Writable(FieldGuess field)
    {
        foreach (var source in field.Sources)
        {
            if (source.Kind == SourceKind.Css && (SelectorCheck.IsBlank(source.Path) || SelectorCheck.Validate(source.Path) is not null))
            {
                return false;
            }
        }

        return field.Sources.Count > 0;
    }
}
