using System;
using System.IO;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ScrapeDsl.Generators.Tests.Driver;

/// <summary>Rule files for the generator: the repository's own, this project's test rules, or inline YAML.</summary>
internal static class RuleTexts
{
    /// <summary>
    /// A file of the repository (e.g. <c>rules/rbc.ru/article.scrape.yaml</c>), found from this source file's path and
    /// handed to the generator under its repository-relative path, so diagnostics and snapshots do not depend on the machine.
    /// </summary>
    public static AdditionalText FromRepository(string relativePath, [CallerFilePath] string callerFile = "")
    {
        var root = RepositoryRoot(callerFile);
        var text = File.ReadAllText(Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        return new InMemoryAdditionalText(relativePath, text);
    }

    /// <summary>A rule written in the test.</summary>
    public static AdditionalText Inline(string path, string yaml) => new InMemoryAdditionalText(path, yaml);

    private static string RepositoryRoot(string callerFile)
    {
        for (var folder = Path.GetDirectoryName(callerFile); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "ScrapeDsl.sln")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException(
            "No ScrapeDsl.sln above '" + callerFile + "'; [CallerFilePath] must be the real path (DeterministicSourcePaths=false).");
    }
}
