using System;
using System.Collections.Generic;

namespace ScrapeDsl.Language;

/// <summary>An example of a rule with the text of its saved page.</summary>
/// <param name="Example">The example as written in the rule.</param>
/// <param name="ResolvedPath">The page's path: the rule file's folder joined with <see cref="Example.Page"/>, normalised by <see cref="ExamplePaths.Normalize"/>.</param>
/// <param name="Html">The page's HTML, or null when the page is not there.</param>
public sealed record ExamplePage(Example Example, string ResolvedPath, string? Html)
{
    /// <summary>Why there is no HTML when the file exists but is not read as a page (a FIFO, a device, a page past the size limit); null otherwise.</summary>
    public string? Problem { get; init; }
}

/// <summary>Where an example page is: relative to the rule file's folder, compared as normalised text (no file system access, so the compiler can use it).</summary>
public static class ExamplePaths
{
    /// <summary>The normalised path of <paramref name="page"/> written in the rule file at <paramref name="rulePath"/>.</summary>
    public static string Resolve(string rulePath, string page)
    {
        var normalizedPage = page.Replace('\\', '/');
        if (IsRooted(normalizedPage))
        {
            return Normalize(normalizedPage);
        }

        var rule = rulePath.Replace('\\', '/');
        var slash = rule.LastIndexOf('/');
        return Normalize(slash >= 0 ? rule.Substring(0, slash + 1) + normalizedPage : normalizedPage);
    }

    /// <summary>Forward slashes, no <c>.</c> segments, <c>..</c> applied, no doubled slashes.</summary>
    public static string Normalize(string path)
    {
        path = path.Replace('\\', '/');
        var rooted = path.StartsWith("/", StringComparison.Ordinal);
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[segments.Count - 1] != ".." && !IsDrive(segments[segments.Count - 1]))
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return (rooted ? "/" : string.Empty) + string.Join("/", segments);
    }

    private static bool IsRooted(string path) => path.StartsWith("/", StringComparison.Ordinal) || (path.Length >= 2 && path[1] == ':');

    private static bool IsDrive(string segment) => segment.Length == 2 && segment[1] == ':';
}
