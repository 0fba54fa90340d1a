using System;
using System.Collections.Generic;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using ScrapeDsl.Language;

namespace ScrapeDsl.Benchmarks;

/// <summary>
/// The checks across rule files (record names, ambiguous dispatch) over 500 rules: what a build runs again whenever a
/// rule's name or <c>match</c> block changes. Three layouts of the same 500 rules, because the dispatch check compares
/// only rules that can share a host: every rule its own site; 25 sites of 20 rules each (one path prefix per rule);
/// 490 sites and 10 rules for any host.
/// </summary>
[MemoryDiagnoser]
public class DispatchCheckBenchmarks
{
    public const int RuleCount = 500;

    private List<RuleSummary> _rules = null!;

    [Params("500 sites", "25 sites x 20 rules", "490 sites + 10 any-host")]
    public string Layout { get; set; } = null!;

    [GlobalSetup]
    public void Setup() => _rules = Rules(Layout);

    [Benchmark(Description = "Checks across 500 rules")]
    public EquatableArray<RuleDiagnostic> CheckAcrossFiles() => RuleSetChecks.Check(_rules);

    public static List<RuleSummary> Rules(string layout)
    {
        var rules = new List<RuleSummary>(RuleCount);
        for (var i = 0; i < RuleCount; i++)
        {
            var n = i.ToString("D3", CultureInfo.InvariantCulture);
            var (site, paths) = layout switch
            {
                "25 sites x 20 rules" => ("site" + (i / 20).ToString("D3", CultureInfo.InvariantCulture) + ".example", new[] { "/section" + n + "/*/*/*/*" }),
                "490 sites + 10 any-host" when i % 50 == 0 => (null, new[] { "/only" + n + "/*" }),
                _ => ("site" + n + ".example", new[] { "/*/*/*/*/*" }),
            };
            var hosts = site is null ? Array.Empty<string>() : new[] { site, "*." + site };
            rules.Add(new RuleSummary(
                SyntheticRules.Path(i),
                "Site" + n + "Article",
                default,
                new UrlMatch(new EquatableArray<string>(hosts), new EquatableArray<string>(paths), new EquatableArray<string>(new[] { "/wine/**" }), 0)));
        }

        return rules;
    }
}
