using System;
using System.Collections.Generic;
using System.IO;
using ScrapeDsl.Language;

namespace ScrapeDsl.Benchmarks;

/// <summary>
/// Every example page of every rule under <c>rules/</c>, found by reading the rule files with the language library,
/// so a rule added later (with its <c>examples</c>) joins the benchmark without a code change.
/// </summary>
public static class Corpus
{
    private static IReadOnlyList<PageCase>? s_cases;

    /// <summary>The repository root: the nearest folder above the running assembly that holds <c>ScrapeDsl.sln</c>.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>All rule × example cases, ordered by rule file path then example order.</summary>
    public static IReadOnlyList<PageCase> Cases => s_cases ??= Load();

    private static IReadOnlyList<PageCase> Load()
    {
        var rulesFolder = Path.Combine(RepositoryRoot, "rules");
        var files = Directory.GetFiles(rulesFolder, "*.scrape.yaml", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        var cases = new List<PageCase>();
        foreach (var path in files)
        {
            if (path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            if (RuleReader.IsPartialPath(path))
            {
                continue; // a partial's fields are benchmarked through the rules that extend it
            }

            var file = RuleResolver.ReadFile(path);
            if (file.Rule is not { } rule)
            {
                throw new InvalidOperationException($"{path} does not read as a valid rule; fix it (dotnet build rules/) before benchmarking.");
            }

            foreach (var example in rule.Examples)
            {
                var page = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, example.Page));
                cases.Add(new PageCase(rule, path, page, example.Url is null ? null : new Uri(example.Url)));
            }
        }

        return cases;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ScrapeDsl.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("ScrapeDsl.sln not found above " + AppContext.BaseDirectory + "; run the benchmarks from the repository.");
    }
}

/// <summary>One example page of one rule.</summary>
public sealed class PageCase
{
    internal PageCase(Rule rule, string rulePath, string pagePath, Uri? url)
    {
        Rule = rule;
        RulePath = rulePath;
        PagePath = pagePath;
        Url = url;
    }

    /// <summary>The rule model, as the interpreter reads it.</summary>
    public Rule Rule { get; }

    /// <summary>The rule file.</summary>
    public string RulePath { get; }

    /// <summary>The saved page.</summary>
    public string PagePath { get; }

    /// <summary>The example's URL.</summary>
    public Uri? Url { get; }

    /// <summary>The page text, decoded the way the CLI decodes saved pages.</summary>
    public string ReadHtml() => PageText.Decode(File.ReadAllBytes(PagePath));

    /// <summary>Shown in the result tables: the rule and the page file, e.g. <c>RbcHome/home-page</c>.</summary>
    public override string ToString()
    {
        var page = Path.GetFileNameWithoutExtension(PagePath);
        if (page.Length > 28)
        {
            page = page.Substring(0, 28) + "…";
        }

        return Rule.Name + "/" + page;
    }
}
