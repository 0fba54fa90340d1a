using System;
using System.Collections.Generic;

namespace ScrapeDsl;

/// <summary>
/// What a rule reads from the whole page, prepared once per rule (generated extractors hold it in a static field):
/// the rule-level <c>remove</c> list and the selectors of its top-level fields. With it, <see cref="Page"/> applies the
/// remove list and finds every one of those selectors' matches in a single walk of the document, testing each
/// element only against the selectors that could match it. The meaning is unchanged: a plan is an index, not a rule.
/// </summary>
/// <remarks>
/// The sources beside CSS read the whole page too: <c>meta</c> every visible <c>&lt;meta&gt;</c>, <c>jsonld</c> every
/// visible <c>&lt;script&gt;</c> of type JSON-LD, <c>itemprop</c> at the root every visible element with an
/// <c>itemprop</c>. When a field uses one of them, the plan adds a selector that matches a superset of those elements
/// (<c>meta</c>, <c>script</c>, <c>[itemprop]</c>), so the same walk collects them in document order and no source
/// walks the document again; <see cref="Page"/> applies its own test to each, as it does when walking.
/// </remarks>
public sealed class PagePlan
{
    private readonly Dictionary<Selector, int> _fieldSlots = new(ReferenceEqualityComparer.Instance);

    /// <summary>Prepares a plan.</summary>
    /// <param name="remove">The rule-level remove list.</param>
    /// <param name="fields">The sources of each top-level field (selectors of nested records' fields are read inside their items, not here).</param>
    public PagePlan(IReadOnlyList<Selector> remove, params Source[][] fields)
    {
        Remove = remove ?? throw new ArgumentNullException(nameof(remove));
        var selectors = new List<Selector>(remove);
        var byText = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sources in fields ?? Array.Empty<Source[]>())
        {
            foreach (var source in sources)
            {
                var css = source.Kind switch
                {
                    SourceKind.Meta => Metas ??= Selector.Parse("meta"),
                    SourceKind.JsonLd => Scripts ??= Selector.Parse("script"),
                    SourceKind.ItemProp => ItemProps ??= Selector.Parse("[itemprop]"),
                    _ => source.Css,
                };
                if (css is null || _fieldSlots.ContainsKey(css))
                {
                    continue;
                }

                // Two sources written alike share a slot (same text, same matches).
                if (!byText.TryGetValue(css.Text, out var slot))
                {
                    slot = selectors.Count;
                    byText.Add(css.Text, slot);
                    selectors.Add(css);
                }

                _fieldSlots.Add(css, slot);
            }
        }

        Selectors = selectors.ToArray();
        Buckets = new SelectorBuckets(Selectors);
    }

    /// <summary>The rule-level remove list.</summary>
    public IReadOnlyList<Selector> Remove { get; }

    /// <summary>Remove selectors first (slots <c>0 … Remove.Count-1</c>), then each distinct field selector.</summary>
    internal Selector[] Selectors { get; }

    /// <summary>Which slots an element could match, by its id, classes, attribute names and tag.</summary>
    internal SelectorBuckets Buckets { get; }

    /// <summary>Indexes every <c>meta</c> element when a field has a <c>meta</c> source; else null.</summary>
    internal Selector? Metas { get; }

    /// <summary>Indexes every <c>script</c> element when a field has a <c>jsonld</c> source; else null.</summary>
    internal Selector? Scripts { get; }

    /// <summary>Indexes every element with an <c>itemprop</c> when a field has an <c>itemprop</c> source; else null.</summary>
    internal Selector? ItemProps { get; }

    /// <summary>The slot of a top-level field selector, or -1 when the plan does not index it.</summary>
    internal int SlotOf(Selector selector) => _fieldSlots.TryGetValue(selector, out var slot) ? slot : -1;
}
