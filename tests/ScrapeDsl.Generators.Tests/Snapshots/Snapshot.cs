using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using DiffPlex.Renderer;

namespace ScrapeDsl.Testing.Snapshots;

/// <summary>
/// A minimal stand-in for Verify (not installable here), following its conventions so that moving to Verify is a
/// package swap: <c>Snapshots/{Class}.{Method}.verified.txt</c> for text and
/// <c>Snapshots/{Class}.{Method}#{HintName without extension}.verified.cs</c> for generated sources (content starts
/// with <c>//HintName: …</c>, as Verify.SourceGenerators writes it), in a <c>Snapshots</c> folder beside the test file.
/// On a mismatch or a missing verified file it writes <c>*.received.*</c> next to it and throws with a unified diff.
/// Files are LF, UTF-8 without BOM (Verify: <c>VerifierSettings.UseUtf8NoBom()</c>).
/// </summary>
/// <remarks>
/// {Class} is the test file's name, so keep one test class per file, named like the file.
/// Set <c>SCRAPEDSL_ACCEPT=1</c> to overwrite verified files with what was received; it is ignored when <c>CI</c> is set.
/// Depends on DiffPlex only, so other test projects can share this file.
/// </remarks>
public static class Snapshot
{
    /// <summary>The environment variable that accepts received snapshots (never honoured under CI).</summary>
    public const string AcceptVariable = "SCRAPEDSL_ACCEPT";

    private const int MaxDiffLines = 300;
    private static readonly UTF8Encoding s_utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // The generator version changes with every build of the generator; snapshots must not.
    private static readonly Regex s_generatorVersion = new(
        "(GeneratedCode\\(\"ScrapeDsl\\.Generators\", \")[^\"]*(\"\\))", RegexOptions.CultureInvariant);

    /// <summary>Verifies text against <c>Snapshots/{Class}.{Method}.verified.txt</c>.</summary>
    public static void VerifyText(string text, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "")
    {
        var prefix = FilePrefix(testFile, testMethod);
        Verify(new[] { new Target(prefix + ".verified.txt", Normalize(text)) }, prefix, sourcesPattern: null);
    }

    /// <summary>
    /// Verifies generated sources, one file each: <c>Snapshots/{Class}.{Method}#{Name}.verified.cs</c> where
    /// {Name} is the hint name without its extension (<c>RbcArticle.g.cs</c> gives <c>#RbcArticle.g.verified.cs</c>).
    /// Verified source files of this test that no longer match a given hint name fail the test too.
    /// </summary>
    public static void VerifySources(
        IEnumerable<KeyValuePair<string, string>> sources, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "")
    {
        var prefix = FilePrefix(testFile, testMethod);
        var targets = new List<Target>();
        foreach (var source in sources)
        {
            var name = Path.GetFileNameWithoutExtension(source.Key);
            targets.Add(new Target(prefix + "#" + name + ".verified.cs", Normalize("//HintName: " + source.Key + "\n" + source.Value)));
        }

        targets.Sort(static (a, b) => string.CompareOrdinal(a.VerifiedPath, b.VerifiedPath));
        Verify(targets, prefix, sourcesPattern: Path.GetFileName(prefix) + "#*.verified.cs");
    }

    /// <summary>The text as it is compared and stored: LF newlines, no BOM, the generator version scrubbed.</summary>
    public static string Normalize(string text)
    {
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        return s_generatorVersion.Replace(text, "$1%VERSION%$2");
    }

    /// <summary>True when received snapshots should be accepted: <see cref="AcceptVariable"/> is 1 and CI is not set.</summary>
    public static bool AcceptRequested => Environment.GetEnvironmentVariable(AcceptVariable) == "1" && !IsCi;

    private static bool IsCi
    {
        get
        {
            var ci = Environment.GetEnvironmentVariable("CI");
            return !string.IsNullOrEmpty(ci) && !string.Equals(ci, "false", StringComparison.OrdinalIgnoreCase) && ci != "0";
        }
    }

    private static void Verify(IReadOnlyList<Target> targets, string prefix, string? sourcesPattern)
    {
        var failures = new StringBuilder();
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            expected.Add(target.VerifiedPath);
            var receivedPath = ReceivedPath(target.VerifiedPath);
            var verified = File.Exists(target.VerifiedPath) ? Normalize(File.ReadAllText(target.VerifiedPath, s_utf8NoBom)) : null;
            if (verified is not null && string.Equals(verified, target.Text, StringComparison.Ordinal))
            {
                File.Delete(receivedPath);
                continue;
            }

            if (AcceptRequested)
            {
                File.WriteAllText(target.VerifiedPath, target.Text, s_utf8NoBom);
                File.Delete(receivedPath);
                continue;
            }

            File.WriteAllText(receivedPath, target.Text, s_utf8NoBom);
            failures.Append(verified is null ? "Missing verified file: " : "Snapshot differs: ").Append(Relative(target.VerifiedPath)).Append('\n');
            failures.Append("Received: ").Append(Relative(receivedPath)).Append('\n');
            failures.Append(Diff(verified ?? string.Empty, target.Text, Path.GetFileName(target.VerifiedPath), Path.GetFileName(receivedPath)));
            failures.Append('\n');
        }

        if (sourcesPattern is not null && Directory.Exists(Path.GetDirectoryName(prefix)))
        {
            foreach (var orphan in Directory.GetFiles(Path.GetDirectoryName(prefix)!, sourcesPattern))
            {
                if (expected.Contains(orphan))
                {
                    continue;
                }

                if (AcceptRequested)
                {
                    File.Delete(orphan);
                }
                else
                {
                    failures.Append("Verified file with no received counterpart (the source is no longer generated): ").Append(Relative(orphan)).Append('\n');
                }
            }
        }

        if (failures.Length > 0)
        {
            failures.Append("Review the received files; accept them by renaming them to *.verified.*, or run with ")
                .Append(AcceptVariable).Append("=1").Append(IsCi ? " (ignored here because CI is set)." : ".");
            throw new SnapshotMismatchException(failures.ToString());
        }
    }

    private static string Diff(string verified, string received, string verifiedName, string receivedName)
    {
        var diff = UnidiffRenderer.GenerateUnidiff(verified, received, verifiedName, receivedName, ignoreWhitespace: false, ignoreCase: false, contextLines: 3);
        if (diff.Trim().Length == 0)
        {
            return "(the texts differ only in something a line diff does not show, such as a final newline)\n";
        }

        var lines = diff.Replace("\r\n", "\n").Split('\n');
        if (lines.Length <= MaxDiffLines)
        {
            return diff;
        }

        return string.Join("\n", lines, 0, MaxDiffLines) + "\n… " + (lines.Length - MaxDiffLines) + " more diff lines; see the received file\n";
    }

    private static string FilePrefix(string testFile, string testMethod)
    {
        if (testFile.Length == 0 || !File.Exists(testFile))
        {
            throw new InvalidOperationException(
                "The test file '" + testFile + "' does not exist on this machine, so its Snapshots folder cannot be found. " +
                "[CallerFilePath] must give the real path: build the tests with DeterministicSourcePaths=false.");
        }

        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(testFile) + "." + testMethod);
    }

    private static string ReceivedPath(string verifiedPath)
    {
        var index = verifiedPath.LastIndexOf(".verified.", StringComparison.Ordinal);
        return verifiedPath.Substring(0, index) + ".received." + verifiedPath.Substring(index + ".verified.".Length);
    }

    private static string Relative(string path) => Path.Combine("Snapshots", Path.GetFileName(path));

    private sealed record Target(string VerifiedPath, string Text);
}

/// <summary>A snapshot did not match its verified file (or it had none); the message holds the diff.</summary>
public sealed class SnapshotMismatchException : Exception
{
    /// <summary>Creates the exception with the report.</summary>
    public SnapshotMismatchException(string message)
        : base(message)
    {
    }
}
