using System;
using System.IO;

namespace ScrapeDsl.Tests;

/// <summary>Folders of the source tree, found from the test binaries (not [CallerFilePath], which CI builds may map away).</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root: the folder holding <c>ScrapeDsl.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The <c>rules/</c> folder with every rule, example page and verified snapshot.</summary>
    public static string RulesFolder { get; } = Path.Combine(Root, "rules");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ScrapeDsl.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("ScrapeDsl.sln not found above " + AppContext.BaseDirectory + "; these tests read rules/ from the source tree.");
    }
}
