using System;
using System.Collections.Generic;

namespace ScrapeDsl.Language;

/// <summary>What the checks across rule files need of one valid rule (small and equatable, so a build re-runs them only when one of these changes).</summary>
/// <param name="Path">The rule file.</param>
/// <param name="Name">The record name.</param>
/// <param name="NameSpan">Where the name is written (where cross-file problems are reported).</param>
/// <param name="Match">The <c>match</c> block.</param>
public sealed record RuleSummary(string Path, string Name, SourceSpan NameSpan, UrlMatch Match)
{
    /// <summary>The summary of a valid rule.</summary>
    public static RuleSummary Of(string path, Rule rule) => new(path, rule.Name, rule.NameSpan, rule.Match);
}

/// <summary>
/// Problems that only show across rule files: two rules with one record name, two rules that claim the same URLs with
/// the same priority. The build (generator) and <c>scrape check</c> both call these.
/// </summary>
public static class RuleSetChecks
{
    /// <summary>Runs every cross-file check; diagnostics are ordered by file path, then position.</summary>
    public static EquatableArray<RuleDiagnostic> Check(IEnumerable<RuleSummary> rules)
    {
        var sorted = new List<RuleSummary>(rules);
        sorted.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        var diagnostics = new List<RuleDiagnostic>();
        var unique = NameCollisions(sorted, diagnostics);
        AmbiguousDispatch(unique, diagnostics);
        diagnostics.Sort(static (a, b) =>
        {
            var byPath = string.CompareOrdinal(a.Path, b.Path);
            return byPath != 0 ? byPath : a.Span.Start.CompareTo(b.Span.Start);
        });
        return EquatableArray.From(diagnostics);
    }

    /// <summary>Reports every rule whose name an earlier file (by path) already uses; returns the rules that keep their name.</summary>
    private static List<RuleSummary> NameCollisions(List<RuleSummary> sorted, List<RuleDiagnostic> diagnostics)
    {
        var first = new Dictionary<string, RuleSummary>(StringComparer.Ordinal);
        var unique = new List<RuleSummary>();
        foreach (var rule in sorted)
        {
            if (first.TryGetValue(rule.Name, out var earlier))
            {
                diagnostics.Add(RuleDiagnostics.Create(
                    RuleDiagnostics.IdentifierCollision, rule.Path, rule.NameSpan,
                    "Rule name", rule.Name, rule.Name, "the rule in " + FileName(earlier.Path) + "; record names must be unique in a project"));
                continue;
            }

            first.Add(rule.Name, rule);
            unique.Add(rule);
        }

        return unique;
    }

    /// <summary>Reports, on the rule that loses, each pair of rules that accept a common URL with equal priority.</summary>
    private static void AmbiguousDispatch(List<RuleSummary> rules, List<RuleDiagnostic> diagnostics)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            for (var j = i + 1; j < rules.Count; j++)
            {
                var a = rules[i];
                var b = rules[j];
                if (a.Match.Priority != b.Match.Priority || DispatchOverlap.FindSharedUrl(a.Match, b.Match) is not { } url)
                {
                    continue;
                }

                // The registry breaks the tie by ordinal record name; the other rule never sees these URLs.
                var (winner, loser) = string.CompareOrdinal(a.Name, b.Name) < 0 ? (a, b) : (b, a);
                diagnostics.Add(RuleDiagnostics.Create(
                    RuleDiagnostics.AmbiguousDispatch, loser.Path, loser.NameSpan,
                    loser.Name, url, winner.Name, FileName(winner.Path), winner.Match.Priority));
            }
        }
    }

    private static string FileName(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash >= 0 ? path.Substring(slash + 1) : path;
    }
}
