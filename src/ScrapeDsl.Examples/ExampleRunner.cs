using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace ScrapeDsl.Examples;

/// <summary>How an example's output compares with its verified snapshot.</summary>
public enum ExampleStatus
{
    /// <summary>Identical to the verified snapshot.</summary>
    Matches,

    /// <summary>Differs; a received file was written (or accepted automatically).</summary>
    Changed,

    /// <summary>There is no verified snapshot yet; a received file was written (or accepted automatically).</summary>
    New,

    /// <summary>The example could not be run (no such rule, no page).</summary>
    Failed,
}

/// <summary>The outcome of checking one example.</summary>
/// <param name="Case">The example.</param>
/// <param name="Status">How it compares.</param>
/// <param name="Changes">The changed fields (for <see cref="ExampleStatus.Changed"/>).</param>
/// <param name="Diff">The unified diff (for <see cref="ExampleStatus.Changed"/>).</param>
/// <param name="Message">Why it failed, for <see cref="ExampleStatus.Failed"/>.</param>
/// <param name="Accepted">True when the new output was accepted automatically.</param>
public sealed record ExampleOutcome(ExampleCase Case, ExampleStatus Status, IReadOnlyList<FieldChange> Changes, string? Diff, string? Message, bool Accepted)
{
    /// <summary>A report for a person: changed fields first, then the diff, then how to accept.</summary>
    public string Report()
    {
        var builder = new StringBuilder();
        switch (Status)
        {
            case ExampleStatus.Matches:
                builder.Append(Case).Append(": matches ").Append(Display(Case.VerifiedPath));
                break;
            case ExampleStatus.Failed:
                builder.Append(Case).Append(": ").Append(Message);
                break;
            case ExampleStatus.New:
                builder.Append(Case).Append(": no verified snapshot yet; ")
                    .Append(Accepted ? "accepted " + Display(Case.VerifiedPath) : "review " + Display(Case.ReceivedPath) + " and accept it with: scrape accept " + Display(Case.ReceivedPath));
                break;
            default:
                builder.Append(Case).Append(": ");
                if (Changes.Count == 0)
                {
                    builder.Append("output changed (formatting only)");
                }

                for (var i = 0; i < Changes.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : "\n  ").Append(Changes[i]);
                }

                builder.Append("\n\n").Append(Diff);
                builder.Append('\n').Append(Accepted
                    ? "accepted " + Display(Case.VerifiedPath)
                    : "received: " + Display(Case.ReceivedPath) + "\naccept with: scrape accept " + Display(Case.ReceivedPath));
                break;
        }

        return builder.ToString();
    }

    // Paths under the current folder are shown relative to it, so they can be pasted into the next command.
    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}

/// <summary>Runs examples and compares their JSON with the verified snapshots beside the pages.</summary>
public static class ExampleRunner
{
    /// <summary>Runs <paramref name="example"/> with the extractor <paramref name="resolve"/> gives for its rule name.</summary>
    /// <param name="example">The example.</param>
    /// <param name="resolve">The extractor for a rule name, or null.</param>
    /// <param name="autoAccept">Accept a differing output at once; default <see cref="Snapshot.AutoAccept"/> (never under CI).</param>
    public static ExampleOutcome Check(ExampleCase example, Func<string, IExtractor?> resolve, bool? autoAccept = null)
    {
        var extractor = resolve(example.RuleName);
        if (extractor is null)
        {
            return Failed(example, $"rule {example.RuleName} is not among the rules being run (is {example.RulePath} compiled?)");
        }

        if (PageFile.TryRead(example.PagePath, PageFile.DefaultMaxBytes, out var bytes) is { } problem)
        {
            return Failed(example, "example page " + problem);
        }

        var html = PageText.Decode(bytes);
        var received = Snapshot.Normalize(ResultJson.Serialize(extractor.ExtractUntyped(html, example.Url)));
        var verified = Snapshot.Read(example.VerifiedPath);
        if (verified == received)
        {
            File.Delete(example.ReceivedPath);
            return new ExampleOutcome(example, ExampleStatus.Matches, Array.Empty<FieldChange>(), null, null, false);
        }

        var accepted = autoAccept ?? Snapshot.AutoAccept;
        Snapshot.Write(accepted ? example.VerifiedPath : example.ReceivedPath, received);
        if (accepted)
        {
            File.Delete(example.ReceivedPath);
        }

        if (verified is null)
        {
            return new ExampleOutcome(example, ExampleStatus.New, Array.Empty<FieldChange>(), null, null, accepted);
        }

        var changes = SnapshotComparison.FieldChanges(verified, received);
        var diff = SnapshotComparison.UnifiedDiff(verified, received, Path.GetFileName(example.VerifiedPath), Path.GetFileName(example.ReceivedPath));
        return new ExampleOutcome(example, ExampleStatus.Changed, changes, diff, null, accepted);
    }

    private static ExampleOutcome Failed(ExampleCase example, string message) =>
        new(example, ExampleStatus.Failed, Array.Empty<FieldChange>(), null, message, false);
}
