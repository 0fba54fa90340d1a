using System;
using System.Collections.Generic;

namespace ScrapeDsl;

/// <summary>
/// What a rule reads from the whole page, prepared once per rule (generated extractors hold it in a static field):
/// the rule-level <c>remove</c> list and the selectors of its top-level fields. With it, <see cref="Page"/> applies the
/// remove list and finds the matches of every field's first source in a single walk of the document, testing each
/// element only against the selectors that could match it; the fallbacks' matches are found by a second walk, only on
/// a page that reads a fallback. The meaning is unchanged: a plan is an index, not a rule.
/// </summary>
/// <remarks>
/// The sources beside CSS read the whole page too: <c>meta</c> every visible <c>&lt;meta&gt;</c>, <c>jsonld</c> every
/// visible <c>&lt;script&gt;</c> of type JSON-LD, <c>itemprop</c> at the root every visible element with an
/// <c>itemprop</c>. When a field uses one of them, the plan adds a selector that matches a superset of those elements
/// (<c>meta</c>, <c>script</c>, <c>[itemprop]</c>), so a walk of the plan collects them in document order and no source
/// walks the document again; <see cref="Page"/> applies its own test to each, as it does when walking.
/// </remarks>
public sealed class PagePlan
{
    private readonly Dictionary<Selector, int> _fieldSlots = new(ReferenceEqualityComparer.Instance);
    private readonly Lazy<SelectorBuckets> _fallbackBuckets;

    /// <summary>Prepares a plan.</summary>
    /// <param name="remove">The rule-level remove list.</param>
    /// <param name="fields">The sources of each top-level field (selectors of nested records' fields are read inside their items, not here).</param>
    public PagePlan(IReadOnlyList<Selector> remove, params Source[][] fields)
    {
        Remove = remove ?? throw new ArgumentNullException(nameof(remove));
        fields ??= Array.Empty<Source[]>();

        // A field's first source is read on every page; its fallbacks only on pages where the sources before them gave
        // nothing. The first walk indexes the first sources; the fallbacks are indexed by a second walk, made only when a
        // page asks for one of them (a rule whose first sources work then pays nothing for its fallbacks).
        var byText = new Dictionary<string, int>(StringComparer.Ordinal);
        var selectors = new List<Selector>(remove);
        var fallbacks = new List<Selector>(remove);
        foreach (var sources in fields)
        {
            if (sources.Length > 0)
            {
                AddSlot(sources[0], selectors, slotBase: 0, byText);
            }
        }

        foreach (var sources in fields)
        {
            for (var i = 1; i < sources.Length; i++)
            {
                AddSlot(sources[i], fallbacks, slotBase: selectors.Count - remove.Count, byText);
            }
        }

        Selectors = selectors.ToArray();
        Buckets = new SelectorBuckets(Selectors);
        Fallbacks = fallbacks.ToArray();
        _fallbackBuckets = new Lazy<SelectorBuckets>(() => new SelectorBuckets(Fallbacks));
    }

    /// <summary>The rule-level remove list.</summary>
    public IReadOnlyList<Selector> Remove { get; }

    /// <summary>Remove selectors first (slots <c>0 … Remove.Count-1</c>), then each distinct selector of a field's first source.</summary>
    internal Selector[] Selectors { get; }

    /// <summary>Which slots an element could match, by its id, classes, attribute names and tag.</summary>
    internal SelectorBuckets Buckets { get; }

    /// <summary>
    /// Remove selectors first, then each distinct selector only fallbacks use, for the second walk. Fallback slot
    /// <c>i ≥ Remove.Count</c> is slot <c>Selectors.Length + i - Remove.Count</c> of the index.
    /// </summary>
    internal Selector[] Fallbacks { get; }

    /// <summary>The buckets of <see cref="Fallbacks"/>, built the first time a page reads a fallback.</summary>
    internal SelectorBuckets FallbackBuckets => _fallbackBuckets.Value;

    /// <summary>Slots of the index: the first walk's, then the fallbacks'.</summary>
    internal int SlotCount => Selectors.Length + Fallbacks.Length - Remove.Count;

    /// <summary>Indexes every <c>meta</c> element when a field has a <c>meta</c> source; else null.</summary>
    internal Selector? Metas { get; private set; }

    /// <summary>Indexes every <c>script</c> element when a field has a <c>jsonld</c> source; else null.</summary>
    internal Selector? Scripts { get; private set; }

    /// <summary>Indexes every element with an <c>itemprop</c> when a field has an <c>itemprop</c> source; else null.</summary>
    internal Selector? ItemProps { get; private set; }

    /// <summary>The slot of a top-level field selector, or -1 when the plan does not index it.</summary>
    internal int SlotOf(Selector selector) => _fieldSlots.TryGetValue(selector, out var slot) ? slot : -1;

    /// <summary>
    /// Gives the source's selector a slot, added to <paramref name="walk"/> (whose entry <c>i</c> is slot
    /// <c>slotBase + i</c>), unless one written alike already has one.
    /// </summary>
    private void AddSlot(Source source, List<Selector> walk, int slotBase, Dictionary<string, int> byText)
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
            return;
        }

        // Two sources written alike share a slot (same text, same matches).
        if (!byText.TryGetValue(css.Text, out var slot))
        {
            slot = slotBase + walk.Count;
            walk.Add(css);
            byText.Add(css.Text, slot);
        }

        _fieldSlots.Add(css, slot);
    }
}
