using System;
using System.IO;
using System.Reflection;

namespace ScrapeDsl.Analyzer.Tests;

/// <summary>Paths of the repository's own files (rules, fixtures, docs), from the source tree the tests were built from.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

    private static string Find()
    {
        foreach (var attribute in typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (attribute.Key == "RepositoryRoot" && attribute.Value is { } root && Directory.Exists(root))
            {
                return root;
            }
        }

        throw new InvalidOperationException("RepositoryRoot metadata is missing from the test assembly");
    }
}
