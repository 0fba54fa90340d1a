using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace ScrapeDsl.Analyzer.Tests;

/// <summary>
/// Verify-style snapshots: <c>Snapshots/{Class}.{Method}.verified.txt</c> is committed; a mismatch writes
/// <c>.received.txt</c> beside it (git-ignored) and fails with a unified diff. Set SCRAPEDSL_ACCEPT=1 to accept
/// received output; never honoured when CI is set, so CI cannot bless its own output.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string actual, [CallerFilePath] string testFile = "", [CallerMemberName] string method = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(SourcePath(testFile))!, "Snapshots");
        var stem = Path.Combine(folder, Path.GetFileNameWithoutExtension(testFile) + "." + method);
        var verifiedPath = stem + ".verified.txt";
        var receivedPath = stem + ".received.txt";
        actual = actual.Replace("\r\n", "\n");
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (verified == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        var accept = Environment.GetEnvironmentVariable("SCRAPEDSL_ACCEPT") == "1" && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        Directory.CreateDirectory(folder);
        if (accept)
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        throw new XunitException(verified is null
            ? $"No snapshot yet: review {receivedPath} and rename it to .verified.txt (or run with SCRAPEDSL_ACCEPT=1).\n{actual}"
            : $"Snapshot differs from {verifiedPath} (received output written beside it):\n{Diff(verified, actual)}");
    }

    /// <summary>
    /// The test file on disk: a CI build (ContinuousIntegrationBuild, deterministic paths) maps the repository root to
    /// <c>/_/</c> in <c>[CallerFilePath]</c>, so map it back.
    /// </summary>
    private static string SourcePath(string testFile)
    {
        var normalized = testFile.Replace('\\', '/');
        return normalized.StartsWith("/_/", StringComparison.Ordinal)
            ? Path.Combine(Repository.Root, normalized.Substring(3))
            : testFile;
    }

    private static string Diff(string expected, string actual)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var builder = new StringBuilder();
        foreach (var line in diff.Lines)
        {
            var prefix = line.Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => "  ",
            };
            builder.Append(prefix).AppendLine(line.Text);
        }

        return builder.ToString();
    }
}
