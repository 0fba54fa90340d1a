using System;

namespace ScrapeDsl.Language;

/// <summary>
/// What a rule file is called: <c>*.scrape.yaml</c>, or <c>*.scrape.yml</c> as many YAML users write it. One definition
/// for the generator, <c>extends</c> and every command; the build's AdditionalFiles
/// (<c>build/ScrapeDsl.Generators.props</c>) list the same two patterns.
/// </summary>
public static class RuleFileNames
{
    /// <summary>The file patterns of rule files, for searching a folder.</summary>
    public static readonly string[] Patterns = { "*.scrape.yaml", "*.scrape.yml" };

    /// <summary>True for a rule file's path or name (ASCII case-insensitive, as file systems may be).</summary>
    public static bool IsRuleFile(string path) => Extension(path) > 0;

    /// <summary>The file name without its rule-file extension: <c>article</c> for <c>article.scrape.yaml</c>.</summary>
    public static string Stem(string fileName) => fileName.Substring(0, fileName.Length - Extension(fileName));

    private static int Extension(string path) =>
        path.EndsWith(".scrape.yaml", StringComparison.OrdinalIgnoreCase) ? ".scrape.yaml".Length
        : path.EndsWith(".scrape.yml", StringComparison.OrdinalIgnoreCase) ? ".scrape.yml".Length
        : 0;
}
