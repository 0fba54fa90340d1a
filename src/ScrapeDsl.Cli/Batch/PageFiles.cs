using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Enumeration;

namespace ScrapeDsl.Cli.Batch;

/// <summary>
/// The pages a batch reads: every <c>*.html</c>/<c>*.htm</c> under a folder, one file, or a glob such as
/// <c>pages/*.html</c> or <c>saved/**/*.html</c> (<c>*</c> and <c>?</c> within a segment, <c>**</c> any number of
/// folders). Sorted ordinally so runs are repeatable. Folders reached through a symbolic link are not searched (a link
/// back up the tree, <c>ln -s . loop</c>, would list every page again at every level); a symbolic link to a file is
/// listed like the file. What is listed need not be a regular file: <see cref="ScrapeDsl.Examples.PageFile.NotRegular"/>
/// tells the runner which entries it must not open.
/// </summary>
internal static class PageFiles
{
    // As Directory.EnumerateFiles with SearchOption.AllDirectories (hidden files included, an unreadable folder an error),
    // but deciding per folder whether to go into it.
    private static readonly EnumerationOptions s_below = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
    };

    public static List<string> Resolve(string input)
    {
        var files = new List<string>();
        if (Directory.Exists(input))
        {
            foreach (var file in FilesBelow(input))
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

            foreach (var file in FilesBelow(root))
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

    // Every file below the folder (see the class summary for symbolic links), with the folder as given in front.
    private static FileSystemEnumerable<string> FilesBelow(string folder) =>
        new(folder, static (ref FileSystemEntry entry) => entry.ToSpecifiedFullPath(), s_below)
        {
            // IsDirectory is true for a link to a folder as well: neither is listed.
            ShouldIncludePredicate = static (ref FileSystemEntry entry) => !entry.IsDirectory,
            ShouldRecursePredicate = static (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
}
