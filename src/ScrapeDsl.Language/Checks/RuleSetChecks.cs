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
        var shown = new ShownPaths(sorted);
        var unique = NameCollisions(sorted, shown, diagnostics);
        AmbiguousDispatch(unique, shown, diagnostics);
        diagnostics.Sort(static (a, b) =>
        {
            var byPath = string.CompareOrdinal(a.Path, b.Path);
            return byPath != 0 ? byPath : a.Span.Start.CompareTo(b.Span.Start);
        });
        return EquatableArray.From(diagnostics);
    }

    /// <summary>
    /// Reports every rule whose record or extractor name an earlier file (by path) already claims, ignoring case, on
    /// both files, each message naming the other: path order says which rule is compiled, not which file is the new
    /// one, so the author sees the problem in whichever file they are editing. Returns the rules that keep their names
    /// (the ones the generator emits).
    /// </summary>
    private static List<RuleSummary> NameCollisions(List<RuleSummary> sorted, ShownPaths shown, List<RuleDiagnostic> diagnostics)
    {
        var claims = new TypeNameClaims();
        var unique = new List<RuleSummary>();
        var claimedBy = new Dictionary<string, RuleSummary>(StringComparer.Ordinal);
        foreach (var rule in sorted)
        {
            if (claims.TryClaim(rule.Name, rule.Path) is { } clash)
            {
                diagnostics.Add(RuleDiagnostics.Create(
                    RuleDiagnostics.IdentifierCollision, rule.Path, rule.NameSpan, "Rule name", rule.Name, clash.Name, clash.Describe(shown.Of(clash.Earlier.Path))));
                var earlier = claimedBy[clash.Earlier.Path];
                diagnostics.Add(RuleDiagnostics.Create(
                    RuleDiagnostics.IdentifierCollision, earlier.Path, earlier.NameSpan, "Rule name", earlier.Name, clash.Earlier.TypeName, clash.DescribeNew(shown.Of(rule.Path))));
                continue;
            }

            claimedBy[rule.Path] = rule;
            unique.Add(rule);
        }

        return unique;
    }

    /// <summary>Reports, on the rule that loses, each pair of rules that accept a common URL with equal priority.</summary>
    private static void AmbiguousDispatch(List<RuleSummary> rules, ShownPaths shown, List<RuleDiagnostic> diagnostics)
    {
        foreach (var (i, j) in PairsSharingAHost(rules))
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
                loser.Name, url, winner.Name, shown.Of(winner.Path), winner.Match.Priority));
        }
    }

    /// <summary>
    /// The pairs of rules (indexes i &lt; j, in that order) whose host patterns can accept a common host: the only pairs
    /// that can share a URL, so the only ones <see cref="DispatchOverlap"/> is asked about. Rules for different sites are
    /// never compared; a rule with no hosts (any host) is compared with every rule.
    /// </summary>
    /// <remarks>
    /// A pattern names a domain: <c>example.com</c> accepts that host, <c>*.example.com</c> the hosts that end with
    /// ".example.com" (ignoring case). So two domain patterns accept a common host only when they are equal; a domain and a
    /// subdomain pattern only when the domain ends with "." and the other's; two subdomain patterns when one's ends with the
    /// other's or they are equal. Each pattern therefore looks up its own domain and its parent domains
    /// (<c>news.example.com</c>: <c>example.com</c>, <c>com</c>) in an index of the patterns: a few look-ups per pattern
    /// instead of a comparison with every rule.
    /// </remarks>
    internal static List<(int First, int Second)> PairsSharingAHost(IReadOnlyList<RuleSummary> rules)
    {
        var domains = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var subdomains = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var anyHost = new List<int>();
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Match.Hosts.Count == 0)
            {
                anyHost.Add(i);
            }

            foreach (var pattern in rules[i].Match.Hosts)
            {
                var index = IsSubdomainPattern(pattern) ? subdomains : domains;
                var domain = Domain(pattern);
                if (!index.TryGetValue(domain, out var indexed))
                {
                    index.Add(domain, indexed = new List<int>());
                }

                if (indexed.Count == 0 || indexed[indexed.Count - 1] != i)
                {
                    indexed.Add(i);
                }
            }
        }

        var pairs = new HashSet<(int, int)>();
        void PairWith(int i, Dictionary<string, List<int>> index, string domain)
        {
            if (index.TryGetValue(domain, out var indexed))
            {
                foreach (var j in indexed)
                {
                    if (i != j)
                    {
                        pairs.Add(i < j ? (i, j) : (j, i));
                    }
                }
            }
        }

        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var pattern in rules[i].Match.Hosts)
            {
                // The same domain: equal domain patterns, or equal subdomain patterns. Then each parent domain
                // ("example.com", then "com" for "news.example.com"): subdomain patterns only.
                var domain = Domain(pattern);
                PairWith(i, IsSubdomainPattern(pattern) ? subdomains : domains, domain);
                for (var dot = domain.IndexOf('.'); dot >= 0; dot = domain.IndexOf('.', dot + 1))
                {
                    PairWith(i, subdomains, domain.Substring(dot + 1));
                }
            }
        }

        foreach (var i in anyHost)
        {
            for (var j = 0; j < rules.Count; j++)
            {
                if (i != j)
                {
                    pairs.Add(i < j ? (i, j) : (j, i));
                }
            }
        }

        var ordered = new List<(int First, int Second)>(pairs);
        ordered.Sort();
        return ordered;
    }

    // How UrlGlobs.HostMatches reads a pattern: "*.example.com" accepts the subdomains of example.com, anything else
    // accepts itself.
    private static bool IsSubdomainPattern(string pattern) => pattern.StartsWith("*.", StringComparison.Ordinal);

    private static string Domain(string pattern) => IsSubdomainPattern(pattern) ? pattern.Substring(2) : pattern;

    /// <summary>
    /// How a message names another rule file: by its path from the folder that holds every rule file compared (the
    /// rules root: <c>rbc.ru/article.scrape.yaml</c>, where many files are called <c>article.scrape.yaml</c>), with
    /// '/' separators on every OS. The build and <c>scrape check</c> compare the same files, so they print the same
    /// text; the folder is found from the paths alone, as the generator knows no rules root.
    /// </summary>
    private sealed class ShownPaths
    {
        private readonly int _commonFolders;

        public ShownPaths(List<RuleSummary> rules)
        {
            string[]? common = null;
            var count = 0;
            foreach (var rule in rules)
            {
                var segments = Segments(rule.Path);
                if (common is null)
                {
                    common = segments;
                    count = segments.Length - 1;
                    continue;
                }

                var same = 0;
                while (same < count && same < segments.Length - 1 && string.Equals(common[same], segments[same], StringComparison.Ordinal))
                {
                    same++;
                }

                count = same;
            }

            _commonFolders = count;
        }

        /// <summary>The path of <paramref name="path"/> below the common folder.</summary>
        public string Of(string path)
        {
            var segments = Segments(path);
            return string.Join("/", segments, _commonFolders, segments.Length - _commonFolders);
        }

        private static string[] Segments(string path) => path.Replace('\\', '/').Split('/');
    }
}

/// <summary>
/// The C# type names rules claim: each rule's record <c>{Name}</c> and extractor <c>{Name}Extractor</c>. Claims are
/// compared ignoring case, because Roslyn compares generated file names (hint names) so, and so do some file systems.
/// The first claim wins: the generator and <see cref="RuleSetChecks"/> claim in file-path order, so they agree on which
/// rule is emitted (both rules of a clash are reported).
/// </summary>
public sealed class TypeNameClaims
{
    private readonly Dictionary<string, Claim> _claimed = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Claims the record and extractor names of rule <paramref name="name"/>; null when both were free, else the earlier claim it clashes with.</summary>
    public Clash? TryClaim(string name, string path)
    {
        var extractor = name + "Extractor";
        if (_claimed.TryGetValue(name, out var record))
        {
            return new Clash(name, "record", record);
        }

        if (_claimed.TryGetValue(extractor, out var extractorClaim))
        {
            return new Clash(extractor, "extractor", extractorClaim);
        }

        _claimed.Add(name, new Claim(name, "record", path));
        _claimed.Add(extractor, new Claim(extractor, "extractor", path));
        return null;
    }

    /// <summary>A type name of an earlier rule.</summary>
    /// <param name="TypeName">The name as claimed.</param>
    /// <param name="Role"><c>record</c> or <c>extractor</c>.</param>
    /// <param name="Path">The rule file that claimed it.</param>
    public sealed record Claim(string TypeName, string Role, string Path);

    /// <summary>A name that is already claimed.</summary>
    /// <param name="Name">The clashing name of the new rule (its record or extractor name).</param>
    /// <param name="Role"><c>record</c> or <c>extractor</c>: what <paramref name="Name"/> names in the new rule.</param>
    /// <param name="Earlier">The earlier claim.</param>
    public sealed record Clash(string Name, string Role, Claim Earlier)
    {
        /// <summary>
        /// Names the earlier claim for the message on the new rule, e.g. <c>the record 'Article' of the rule in
        /// site/a.scrape.yaml</c>, where <paramref name="shownPath"/> is how the message names the earlier rule's file.
        /// </summary>
        public string Describe(string shownPath) => Text(Earlier.Role, Earlier.TypeName, shownPath);

        /// <summary>As <see cref="Describe"/>, naming the new rule's clashing name for the message on the earlier rule.</summary>
        public string DescribeNew(string shownPath) => Text(Role, Name, shownPath);

        private string Text(string role, string typeName, string shownPath)
        {
            var caseNote = string.Equals(Earlier.TypeName, Name, StringComparison.Ordinal)
                ? string.Empty
                : " (generated names must differ in more than letter case)";
            return "the " + role + " '" + typeName + "' of the rule in " + shownPath + caseNote;
        }
    }
}
