using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using ScrapeDsl.Language;
using Xunit;

namespace ScrapeDsl.Analyzer.Tests;

/// <summary>
/// Thousands of rule files made by mutating valid ones (fixed seed, so a failure reproduces) go through the reader,
/// the recovery, the example checker, the analyzer and the generator: nothing throws, every rejected file has an
/// error diagnostic, every position is inside its file, and the generated code (placeholders included) compiles.
/// </summary>
public sealed class FuzzTests
{
    private const int Count = 2000;
    private const int Batch = 250;
    private const string Folder = "fuzz/";

    private static readonly string s_page = RuleHarness.Page(
        "<h1 class='article__header__title-in'>T</h1><div class='article__text'><p>a</p><p>b</p></div>" +
        "<a class='article__tags__item'>x</a><div class='js-news-feed-list'><a class='news-feed__item' href='/a'><span class='news-feed__item__title'>n</span></a></div>" +
        "<div data-role='fox-tail'>ad</div>");

    [Fact]
    public void Mutated_rule_files_never_crash_and_every_problem_is_a_diagnostic()
    {
        var files = Mutants().ToList();
        var failures = new List<string>();
        foreach (var (path, text) in files)
        {
            try
            {
                CheckLanguage(path, text, failures);
            }
            catch (Exception exception)
            {
                failures.Add($"{path}: {exception}\n--- text ---\n{text}");
            }
        }

        for (var start = 0; start < files.Count; start += Batch)
        {
            var batch = files.Skip(start).Take(Batch).ToList();
            var additional = batch.Select(f => (AdditionalText)new TestAdditionalText(RuleHarness.Root + f.Path, f.Text))
                .Append(new TestAdditionalText(RuleHarness.Root + Folder + "fixtures/2025-06-03-politics-south-korea-election.html", s_page))
                .Append(new TestAdditionalText(RuleHarness.Root + Folder + "fixtures/home-page.html", s_page));
            var run = RuleHarness.Run(additional);
            failures.AddRange(run.Exceptions.Select(e => $"batch {start}: {e}"));
            failures.AddRange(run.RuleDiagnostics.Where(d => d.Id is "AD0001" or "CS8785" or "SCR020").Select(d => $"batch {start}: {d}"));
            failures.AddRange(run.CompilationErrors.Select(d => $"batch {start}: generated code does not compile: {d} in\n{d.Location.SourceTree}"));
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures; first:\n{string.Join("\n\n", failures.Take(3))}");
    }

    private static void CheckLanguage(string path, string text, List<string> failures)
    {
        var file = RuleReader.Read(path, text);
        if (file.Rule is null && !file.HasErrors)
        {
            failures.Add($"{path}: rejected without an error diagnostic\n{text}");
        }

        foreach (var diagnostic in file.Diagnostics)
        {
            var span = diagnostic.Span;
            if (span.Start < 0 || span.Start + span.Length > text.Length || span.StartLine < 1 || span.StartColumn < 1
                || span.EndLine < span.StartLine || span.StartLine > text.Split('\n').Length)
            {
                failures.Add($"{path}: {diagnostic} has a span outside the file {span} (length {text.Length})");
            }
        }

        if (file.Rule is { } rule)
        {
            var pages = rule.Examples.Select(e => new ExamplePage(e, ExamplePaths.Resolve(path, e.Page), e.Page.EndsWith(".html", StringComparison.Ordinal) ? s_page : null)).ToList();
            ExampleChecker.Check(path, rule, pages);
        }
        else
        {
            RuleRecovery.Recover(path, text);
        }
    }

    /// <summary>The mutants, deterministic for the seed.</summary>
    private static IEnumerable<(string Path, string Text)> Mutants()
    {
        var seeds = new[]
        {
            RuleHarness.ReadRepositoryFile("rules", "rbc.ru", "article.scrape.yaml"),
            RuleHarness.ReadRepositoryFile("rules", "rbc.ru", "home.scrape.yaml"),
            "name: Flow\nmatch: { hosts: [a.example], paths: [\"/**\"], priority: 2 }\nremove: [.ad]\nfields: { title: { css: h1, required: true, fallback: [{ css: \"meta[property='og:title']\", attr: content }] }, items: { css: li, many: true, fields: { name: b, url: { attr: href, type: url } } } }\nexamples: [{ page: fixtures/home-page.html, url: \"https://a.example/\" }]\n",
        };
        var random = new Random(20261125);
        for (var i = 0; i < Count; i++)
        {
            var text = seeds[i % seeds.Length];
            var mutations = 1 + random.Next(3);
            for (var m = 0; m < mutations; m++)
            {
                text = Mutate(text, random);
            }

            if (random.Next(4) == 0)
            {
                text = text.Replace("\n", "\r\n");
            }

            yield return (Folder + "r" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + ".scrape.yaml", text);
        }
    }

    private static string Mutate(string text, Random random)
    {
        if (text.Length == 0)
        {
            return "x";
        }

        var lines = text.Split('\n').ToList();
        var line = random.Next(lines.Count);
        var at = random.Next(text.Length);
        switch (random.Next(8))
        {
            case 0: // delete a line
                lines.RemoveAt(line);
                return string.Join("\n", lines);
            case 1: // duplicate a line
                lines.Insert(line, lines[line]);
                return string.Join("\n", lines);
            case 2: // swap two neighbouring characters
                if (at + 1 < text.Length)
                {
                    var chars = text.ToCharArray();
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    return new string(chars);
                }

                return text;
            case 3: // random indentation
                var trimmed = lines[line].TrimStart(' ');
                lines[line] = new string(' ', random.Next(9)) + trimmed;
                return string.Join("\n", lines);
            case 4: // truncate
                return text.Substring(0, at);
            case 5: // binary garbage
                var garbage = new StringBuilder();
                for (var g = random.Next(1, 12); g > 0; g--)
                {
                    garbage.Append((char)random.Next(0, random.Next(2) == 0 ? 256 : 0xFFFF));
                }

                return text.Insert(at, garbage.ToString());
            case 6: // a YAML-significant character
                const string special = ":-[]{}&*!|>'\"%@`#,?~ \t";
                return text.Remove(at, 1).Insert(at, special[random.Next(special.Length)].ToString());
            default: // a whole value replaced by another kind
                var colon = lines[line].IndexOf(": ", StringComparison.Ordinal);
                if (colon > 0)
                {
                    var replacements = new[] { "[a, b]", "{ x: 1 }", "\"\"", "~", "true", "h1:eq(0)", "  ", "*alias", "!!int 5", "\"unterminated" };
                    lines[line] = lines[line].Substring(0, colon + 2) + replacements[random.Next(replacements.Length)];
                }

                return string.Join("\n", lines);
        }
    }
}
