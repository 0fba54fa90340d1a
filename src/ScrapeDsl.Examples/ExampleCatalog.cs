using System;
using System.Collections.Generic;
using System.IO;
using ScrapeDsl.Language;

namespace ScrapeDsl.Examples;

/// <summary>Finds every rule file under a folder and every example its <c>examples</c> list names.</summary>
public static class ExampleCatalog
{
    /// <summary>All examples of all rules under <paramref name="path"/> (a folder or one rule file), in ordinal path order.</summary>
    /// <param name="path">A rules folder or a rule file.</param>
    /// <param name="problems">Rule files that could not be read (with their diagnostics), which have no examples to run.</param>
    public static IReadOnlyList<ExampleCase> Discover(string path, out IReadOnlyList<RuleDiagnostic> problems)
    {
        var cases = new List<ExampleCase>();
        var errors = new List<RuleDiagnostic>();
        foreach (var file in RuleFiles(path))
        {
            if (RuleReader.IsPartialPath(file))
            {
                continue; // a partial has no examples of its own; the rules that extend it do
            }

            var ruleFile = RuleResolver.ReadFile(file);
            if (ruleFile.Rule is not { } rule)
            {
                errors.AddRange(ruleFile.Diagnostics);
                continue;
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
            var site = Path.GetFileName(folder);
            var template = RuleFileNames.Stem(Path.GetFileName(file));
            foreach (var example in rule.Examples)
            {
                var page = Path.GetFullPath(Path.Combine(folder, example.Page));
                var url = example.Url is null ? null : new Uri(example.Url, UriKind.Absolute);
                cases.Add(new ExampleCase(Path.GetFullPath(file), rule.Name, site, template, page, url));
            }
        }

        problems = errors;
        return cases;
    }

    /// <summary>Rule files under a folder (recursively, skipping bin and obj), or the file itself.</summary>
    public static IReadOnlyList<string> RuleFiles(string path)
    {
        if (File.Exists(path))
        {
            return new[] { Path.GetFullPath(path) };
        }

        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"'{path}' is neither a rule file nor a folder");
        }

        var files = new List<string>();
        foreach (var pattern in RuleFileNames.Patterns)
        {
            foreach (var file in Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories))
            {
                if (!IsBuildOutput(path, file))
                {
                    files.Add(Path.GetFullPath(file));
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Verified snapshots under <paramref name="folder"/> that no example produces.</summary>
    public static IReadOnlyList<string> DanglingSnapshots(string folder, IReadOnlyList<ExampleCase> cases)
    {
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var example in cases)
        {
            expected.Add(example.VerifiedPath);
        }

        var dangling = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*" + Snapshot.VerifiedMarker + "json", SearchOption.AllDirectories))
        {
            var full = Path.GetFullPath(file);
            if (!IsBuildOutput(folder, full) && !expected.Contains(full))
            {
                dangling.Add(full);
            }
        }

        dangling.Sort(StringComparer.Ordinal);
        return dangling;
    }

    /// <summary>
    /// True for a file under a <c>bin</c> or <c>obj</c> folder below <paramref name="folder"/> (copies made by a build).
    /// Only the path below the folder searched counts: rules kept in <c>/home/me/bin/rules</c> are not build output.
    /// </summary>
    /// <param name="folder">The folder that was searched.</param>
    /// <param name="file">A file found under it.</param>
    public static bool IsBuildOutput(string folder, string file)
    {
        var relative = Path.GetRelativePath(folder, file);
        var start = 0;
        for (var i = 0; i < relative.Length; i++)
        {
            if (relative[i] == Path.DirectorySeparatorChar || relative[i] == Path.AltDirectorySeparatorChar)
            {
                var segment = relative.AsSpan(start, i - start);
                if (segment.SequenceEqual("bin") || segment.SequenceEqual("obj"))
                {
                    return true;
                }

                start = i + 1;
            }
        }

        return false;
    }
}
