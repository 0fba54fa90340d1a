using System;
using System.Collections.Generic;
using System.IO;
using ScrapeDsl.Language;

namespace ScrapeDsl.Tests.Interpreter;

/// <summary>Every example page of every rule file in the repository's <c>rules/</c> folder, read from the source tree.</summary>
internal static class RuleExamples
{
    /// <summary>The repository's <c>rules/</c> folder, found by walking up from the test binaries to <c>ScrapeDsl.sln</c>.</summary>
    public static string RulesFolder { get; } = FindRulesFolder();

    /// <summary>One entry per (rule file, example), in ordinal file order.</summary>
    public static IReadOnlyList<RuleExample> All { get; } = Discover();

    private static IReadOnlyList<RuleExample> Discover()
    {
        var examples = new List<RuleExample>();
        var files = Directory.GetFiles(RulesFolder, "*.scrape.yaml", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (IsBuildOutput(file))
            {
                continue;
            }

            var ruleFile = RuleReader.Read(file, File.ReadAllText(file));
            if (ruleFile.Rule is not { } rule)
            {
                throw new InvalidOperationException($"{file} does not read cleanly: {string.Join("; ", ruleFile.Diagnostics)}");
            }

            foreach (var example in rule.Examples)
            {
                var page = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, example.Page));
                examples.Add(new RuleExample(Path.GetRelativePath(RulesFolder, file).Replace('\\', '/'), rule, page, example.Url));
            }
        }

        return examples;
    }

    private static bool IsBuildOutput(string file)
    {
        var relative = Path.GetRelativePath(RulesFolder, file).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }

    private static string FindRulesFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ScrapeDsl.sln")))
            {
                return Path.Combine(folder.FullName, "rules");
            }
        }

        throw new InvalidOperationException("ScrapeDsl.sln not found above " + AppContext.BaseDirectory + "; the differential test reads rules/ from the source tree.");
    }
}

/// <summary>One example page of one rule.</summary>
/// <param name="RuleFile">The rule file, relative to <c>rules/</c> (for test names).</param>
/// <param name="Rule">The rule as read from YAML.</param>
/// <param name="Page">The full path of the saved page.</param>
/// <param name="Url">The page URL given in the example, if any.</param>
internal sealed record RuleExample(string RuleFile, Rule Rule, string Page, string? Url)
{
    /// <inheritdoc />
    public override string ToString() => RuleFile + " × " + Path.GetFileName(Page);
}
