using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ScrapeDsl.Language;
using Xunit;

namespace ScrapeDsl.Generators.Tests;

/// <summary>
/// The ambiguous-dispatch check (SCR014, <see cref="RuleSetChecks"/>) compares rules only when they can share a host, and
/// skips pairs whose path globs cannot meet: a build with hundreds of sites compares no two rules of different sites, and
/// what it skips could never have been reported.
/// </summary>
public sealed class DispatchCheckScaleTests
{
    [Fact]
    public void Rules_for_different_sites_are_never_compared()
    {
        var rules = Enumerable.Range(0, 500)
            .Select(static i => Summary(i, new[] { "site" + i.ToString(CultureInfo.InvariantCulture) + ".example", "*.site" + i.ToString(CultureInfo.InvariantCulture) + ".example" }, "/*/*/*/*/*"))
            .ToList();

        Assert.Empty(RuleSetChecks.PairsSharingAHost(rules));
    }

    [Fact]
    public void Every_two_rules_of_one_site_are_compared_and_a_rule_for_any_host_with_every_rule()
    {
        var rules = new List<RuleSummary>();
        for (var i = 0; i < 20; i++)
        {
            // One site written three ways: the domain, its subdomains, one subdomain.
            var hosts = (i % 3) switch { 0 => new[] { "rbc.ru" }, 1 => new[] { "*.rbc.ru" }, _ => new[] { "sport.RBC.ru" } };
            rules.Add(Summary(i, hosts, "/section" + i.ToString(CultureInfo.InvariantCulture) + "/*"));
        }

        rules.Add(Summary(20, new[] { "other.example" }, "/*"));
        rules.Add(Summary(21, Array.Empty<string>(), "/*"));

        var pairs = RuleSetChecks.PairsSharingAHost(rules);

        // The 7 rules for rbc.ru with each other (21 pairs), the 7 for its subdomains (21), the 6 for sport.rbc.ru (15), and
        // the subdomains' with sport.rbc.ru's (42); the bare domain is no subdomain, so rbc.ru shares no host with the
        // others. The rule for any host with each of the 21 others; other.example with nothing else.
        Assert.Equal(21 + 21 + 15 + 42 + 21, pairs.Count);
        Assert.Equal(pairs.OrderBy(static p => p.First).ThenBy(static p => p.Second), pairs);
        Assert.All(pairs, static p => Assert.True(p.First < p.Second));
    }

    [Fact]
    public void Pairs_that_are_not_compared_share_no_url()
    {
        var hostPool = new[] { "a.example", "*.a.example", "b.a.example", "*.b.a.example", "A.EXAMPLE", "c.example", "*.example", "example" };
        var globPool = new[] { "/*", "/**", "/news/*", "/news/**", "/*/*", "/n?ws/*", "/video/*", "/**/x", "/" };
        var random = new Random(7);
        for (var round = 0; round < 20; round++)
        {
            var rules = new List<RuleSummary>();
            for (var i = 0; i < 12; i++)
            {
                var hosts = Enumerable.Range(0, random.Next(0, 3)).Select(_ => hostPool[random.Next(hostPool.Length)]).ToArray();
                rules.Add(Summary(i, hosts, globPool[random.Next(globPool.Length)]));
            }

            var compared = new HashSet<(int, int)>(RuleSetChecks.PairsSharingAHost(rules));
            for (var i = 0; i < rules.Count; i++)
            {
                for (var j = i + 1; j < rules.Count; j++)
                {
                    if (!compared.Contains((i, j)))
                    {
                        Assert.Null(DispatchOverlap.FindSharedUrl(rules[i].Match, rules[j].Match));
                    }
                }
            }
        }
    }

    [Fact]
    public void Globs_told_apart_by_their_literal_parts_match_no_common_path()
    {
        // Every path of up to four segments over these words; a glob pair said not to meet must match none of them both.
        var words = new[] { "a", "b", "ab", "ba", "news", "nows", "x" };
        var paths = new List<string> { "/" };
        var level = new List<string> { string.Empty };
        for (var length = 1; length <= 4; length++)
        {
            level = level.SelectMany(p => words.Select(w => p + "/" + w)).ToList();
            paths.AddRange(level);
        }

        var segments = new[] { "*", "**", "a", "b", "a*", "*b", "?", "n?ws", "news", "ab", "*a*" };
        var random = new Random(11);
        var apart = 0;
        for (var round = 0; round < 400; round++)
        {
            var a = Glob(random, segments);
            var b = Glob(random, segments);
            if (DispatchOverlap.PathsCanMeet(Match(a), Match(b)))
            {
                continue;
            }

            apart++;
            Assert.DoesNotContain(paths, p => UrlMatching.PathMatches(a, p) && UrlMatching.PathMatches(b, p));
        }

        Assert.True(apart > 100, apart + " of 400 pairs told apart");
    }

    private static string Glob(Random random, string[] segments) =>
        "/" + string.Join("/", Enumerable.Range(0, random.Next(0, 4)).Select(_ => segments[random.Next(segments.Length)]));

    private static UrlMatch Match(string glob) =>
        new(EquatableArray<string>.Empty, new EquatableArray<string>(new[] { glob }), EquatableArray<string>.Empty, 0);

    private static RuleSummary Summary(int i, string[] hosts, string path) => new(
        "rules/r" + i.ToString("D3", CultureInfo.InvariantCulture) + ".scrape.yaml",
        "Rule" + i.ToString("D3", CultureInfo.InvariantCulture),
        default,
        new UrlMatch(new EquatableArray<string>(hosts), new EquatableArray<string>(new[] { path }), EquatableArray<string>.Empty, 0));
}
