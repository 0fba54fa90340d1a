using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ScrapeDsl.Cli.Batch;

/// <summary>
/// The end-of-batch table: per rule, how many pages it matched and how many succeeded, and per top-level field how
/// often it had a value and how often a fallback supplied it. A field whose hit rate drops or whose fallback rate
/// climbs is the sign that a site changed its markup. Thread-safe; pages are added as they finish.
/// </summary>
internal sealed class DriftReport
{
    private readonly object _gate = new();
    private readonly SortedDictionary<string, RuleStats> _rules = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _failures = new(StringComparer.Ordinal);

    public int Pages { get; private set; }

    public int Succeeded { get; private set; }

    public int Failed => Pages - Succeeded;

    /// <summary>Counts a page the rule ran on: <paramref name="fields"/> are the top-level fields with (hit, fallback used).</summary>
    public void AddExtracted(string rule, bool success, IReadOnlyList<(string Field, bool Hit, bool Fallback)> fields)
    {
        lock (_gate)
        {
            Pages++;
            Succeeded += success ? 1 : 0;
            if (!_rules.TryGetValue(rule, out var stats))
            {
                _rules[rule] = stats = new RuleStats();
            }

            stats.Pages++;
            stats.Succeeded += success ? 1 : 0;
            foreach (var (field, hit, fallback) in fields)
            {
                if (!stats.Fields.TryGetValue(field, out var counts))
                {
                    stats.Fields[field] = counts = new FieldCounts(stats.Fields.Count);
                }

                counts.Seen++;
                counts.Hits += hit ? 1 : 0;
                counts.Fallbacks += fallback ? 1 : 0;
            }
        }
    }

    /// <summary>Counts a page no rule ran on, under a short reason (e.g. "no rule matches the URL").</summary>
    public void AddFailure(string reason)
    {
        lock (_gate)
        {
            Pages++;
            _failures[reason] = _failures.GetValueOrDefault(reason) + 1;
        }
    }

    public int PagesMatched(string rule)
    {
        lock (_gate)
        {
            return _rules.TryGetValue(rule, out var stats) ? stats.Pages : 0;
        }
    }

    public int Failures(string reason)
    {
        lock (_gate)
        {
            return _failures.GetValueOrDefault(reason);
        }
    }

    public void Write(TextWriter output)
    {
        lock (_gate)
        {
            output.WriteLine($"{Pages} pages: {Succeeded} extracted successfully, {Failed} failed");
            foreach (var (rule, stats) in _rules)
            {
                output.WriteLine();
                output.WriteLine($"{rule}: {stats.Pages} pages matched, success {Percent(stats.Succeeded, stats.Pages)}");
                output.WriteLine($"  {"field",-20} {"hit",7} {"fallback",9}");
                foreach (var (field, counts) in stats.Fields.OrderBy(f => f.Value.Order))
                {
                    output.WriteLine($"  {field,-20} {Percent(counts.Hits, counts.Seen),7} {Percent(counts.Fallbacks, counts.Seen),9}");
                }
            }

            if (_failures.Count > 0)
            {
                output.WriteLine();
                output.WriteLine("not extracted:");
                foreach (var (reason, count) in _failures)
                {
                    output.WriteLine($"  {count,5}  {reason}");
                }
            }
        }
    }

    private static string Percent(int count, int of) => of == 0 ? "-" : (100.0 * count / of).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private sealed class RuleStats
    {
        public int Pages { get; set; }

        public int Succeeded { get; set; }

        public Dictionary<string, FieldCounts> Fields { get; } = new(StringComparer.Ordinal);
    }

    private sealed class FieldCounts(int order)
    {
        public int Order { get; } = order;

        public int Seen { get; set; }

        public int Hits { get; set; }

        public int Fallbacks { get; set; }
    }
}
