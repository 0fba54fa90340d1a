using System;
using System.Collections.Generic;
using System.IO;

namespace ScrapeDsl.Cli.Batch;

/// <summary>
/// The pages a batch reads: every <c>*.html</c>/<c>*.htm</c> under a folder, one file, or a glob such as
/// <c>pages/*.html</c> or <c>saved/**/*.html</c> (<c>*</c> and <c>?</c> within a segment, <c>**</c> any number of
/// folders). Sorted ordinally so runs are repeatable.
/// </summary>
internal static class PageFiles
{
    public static List<string> Resolve(string input)
    {
        var files = new List<string>();
        if (Directory.Exists(input))
        {
            foreach (var file in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories))
            {
                if (file.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
                {
                    files.Add(file);
                }
            }
        }
        else if (File.Exists(input))
        {
            files.Add(input);
        }
        else if (input.IndexOfAny(new[] { '*', '?' }) >= 0)
        {
            var normalized = input.Replace('\\', '/');
            var wildcard = normalized.IndexOfAny(new[] { '*', '?' });
            var cut = normalized.LastIndexOf('/', wildcard);
            var root = cut < 0 ? "." : normalized.Substring(0, cut == 0 ? 1 : cut);
            var glob = "/" + normalized.Substring(cut + 1);
            if (!Directory.Exists(root))
            {
                throw new CliError($"folder '{root}' of '{input}' not found");
            }

            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var relative = "/" + Path.GetRelativePath(root, file).Replace('\\', '/');
                if (UrlPattern.PathMatches(glob, relative))
                {
                    files.Add(file);
                }
            }
        }
        else
        {
            throw new CliError($"'{input}' is not a folder, a file or a glob");
        }

        if (files.Count == 0)
        {
            throw new CliError($"no pages (*.html, *.htm) found for '{input}'");
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
