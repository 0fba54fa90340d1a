using System;
using System.IO;
using System.Text;

namespace ScrapeDsl.Examples;

/// <summary>
/// Snapshot files with Verify's conventions: <c>*.verified.*</c> are committed, <c>*.received.*</c> are written
/// beside them when the output differs (and git-ignored), text is UTF-8 without BOM with <c>\n</c> newlines.
/// Accepting moves a received file over its verified one.
/// </summary>
public static class Snapshot
{
    /// <summary>The marker in committed snapshot names.</summary>
    public const string VerifiedMarker = ".verified.";

    /// <summary>The marker in snapshot names waiting for review.</summary>
    public const string ReceivedMarker = ".received.";

    /// <summary>The environment variable that accepts every differing snapshot during a local test run.</summary>
    public const string AutoAcceptVariable = "SCRAPEDSL_ACCEPT";

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>True when snapshots should be accepted automatically: <c>SCRAPEDSL_ACCEPT=1</c> and not under CI.</summary>
    public static bool AutoAccept =>
        Environment.GetEnvironmentVariable(AutoAcceptVariable) is "1" or "true" && !IsCi;

    /// <summary>True on a build server (<c>CI=true</c>): nothing is ever accepted automatically there.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>dir/page.html</c> → <c>dir/page.verified.json</c>.</summary>
    public static string VerifiedPathFor(string pagePath) =>
        Path.Combine(Path.GetDirectoryName(pagePath)!, Path.GetFileNameWithoutExtension(pagePath) + VerifiedMarker + "json");

    /// <summary><c>x.verified.json</c> → <c>x.received.json</c>.</summary>
    public static string ReceivedPathFor(string verifiedPath)
    {
        var index = verifiedPath.LastIndexOf(VerifiedMarker, StringComparison.Ordinal);
        return index < 0
            ? throw new ArgumentException($"'{verifiedPath}' is not a verified snapshot name", nameof(verifiedPath))
            : verifiedPath.Substring(0, index) + ReceivedMarker + verifiedPath.Substring(index + VerifiedMarker.Length);
    }

    /// <summary><c>x.received.json</c> → <c>x.verified.json</c>.</summary>
    public static string VerifiedPathForReceived(string receivedPath)
    {
        var index = receivedPath.LastIndexOf(ReceivedMarker, StringComparison.Ordinal);
        return index < 0
            ? throw new ArgumentException($"'{receivedPath}' is not a received snapshot name", nameof(receivedPath))
            : receivedPath.Substring(0, index) + VerifiedMarker + receivedPath.Substring(index + ReceivedMarker.Length);
    }

    /// <summary>Normalises text as stored: <c>\n</c> newlines, ending with one newline.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd('\n') + "\n";

    /// <summary>Reads a snapshot, or null when it does not exist.</summary>
    public static string? Read(string path) => File.Exists(path) ? Normalize(File.ReadAllText(path, s_utf8)) : null;

    /// <summary>Writes a snapshot (UTF-8 without BOM, <c>\n</c> newlines).</summary>
    public static void Write(string path, string text) => File.WriteAllText(path, Normalize(text), s_utf8);

    /// <summary>Moves a received file over its verified file; returns the verified path.</summary>
    public static string Accept(string receivedPath)
    {
        var verified = VerifiedPathForReceived(receivedPath);
        File.Copy(receivedPath, verified, overwrite: true);
        File.Delete(receivedPath);
        return verified;
    }
}
