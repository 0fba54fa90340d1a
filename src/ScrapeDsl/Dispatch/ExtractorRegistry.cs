using System;
using System.Collections.Generic;

namespace ScrapeDsl;

/// <summary>
/// Picks the rule for a URL. Among the rules whose <c>match</c> accepts it, the highest priority wins;
/// ties go to the ordinally first rule name, so the choice never depends on build or file order.
/// </summary>
public sealed class ExtractorRegistry
{
    private readonly IExtractor[] _extractors;

    /// <summary>Creates a registry over the given rules.</summary>
    public ExtractorRegistry(IEnumerable<IExtractor> extractors)
    {
        _extractors = new List<IExtractor>(extractors).ToArray();
        Array.Sort(_extractors, static (a, b) =>
        {
            var byPriority = b.Priority.CompareTo(a.Priority);
            return byPriority != 0 ? byPriority : string.CompareOrdinal(a.RuleName, b.RuleName);
        });
    }

    /// <summary>All rules, in dispatch order.</summary>
    public IReadOnlyList<IExtractor> All => _extractors;

    /// <summary>The rule for <paramref name="url"/>, or null when none matches.</summary>
    public IExtractor? Find(Uri url)
    {
        foreach (var extractor in _extractors)
        {
            if (extractor.Matches(url))
            {
                return extractor;
            }
        }

        return null;
    }

    /// <summary>The rule with this record name, or null.</summary>
    public IExtractor? Get(string ruleName)
    {
        foreach (var extractor in _extractors)
        {
            if (string.Equals(extractor.RuleName, ruleName, StringComparison.Ordinal))
            {
                return extractor;
            }
        }

        return null;
    }
}
