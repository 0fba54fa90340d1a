using System;
using System.Collections.Generic;
using AngleSharp.Dom;

namespace ScrapeDsl;

/// <summary>
/// One walk of the document, in document order, that does what separate walks per selector used to do:
/// it applies the rule-level remove list (an element matching any remove selector is recorded in the
/// <see cref="RemovedView"/> and its subtree is not entered) and records, for the selector of every top-level field's
/// first source in the <see cref="PagePlan"/>, its matches among the remaining elements. The selectors only fallbacks
/// use are matched the same way by a second walk, made when the page first asks for one. Each element is tested with
/// AngleSharp's <c>Match(element, root)</c>, exactly as the walks did, but only against the selectors its id, classes,
/// attributes and tag make possible, and only inside ancestors carrying the keys those selectors need above their
/// subject (<see cref="SelectorBuckets"/>; the walk keeps a count per ancestor key as it enters and leaves elements).
/// </summary>
/// <remarks>
/// Same results as before by construction: an element is visible exactly when neither it nor an ancestor matches a
/// remove selector, whichever walk finds that out; the matches of a selector are the visible elements it matches,
/// in document order; the document is never changed, so matching all selectors up front (or in the fallbacks' walk)
/// gives what matching each one later would. The removed view holds the outermost removed elements only, which is all
/// that readers consult (they skip whole removed subtrees).
/// </remarks>
internal sealed class PageIndex
{
    private static readonly IElement[] s_noElements = Array.Empty<IElement>();

    private readonly PagePlan _plan;
    private readonly IElement _root;
    private readonly IElement?[] _first;
    private readonly List<IElement>?[] _all;

    private PageIndex(IElement root, PagePlan plan)
    {
        _root = root;
        _plan = plan;
        _first = new IElement?[plan.SlotCount];
        _all = new List<IElement>?[plan.SlotCount];
    }

    /// <summary>True once the fallbacks' walk has been made (tests: a page whose first sources work never makes it).</summary>
    internal bool FallbacksWalked { get; private set; }

    /// <summary>
    /// Walks the descendants of <paramref name="root"/> once, filling <paramref name="removed"/> and the index of the
    /// plan's first sources; the fallbacks are walked when first asked for.
    /// </summary>
    public static PageIndex Build(IElement root, PagePlan plan, RemovedView removed)
    {
        var index = new PageIndex(root, plan);
        index.Walk(plan.Selectors, plan.Buckets, slotBase: 0, removed);
        return index;
    }

    /// <summary>
    /// One walk: <paramref name="selectors"/> are the plan's remove list, whose matches go to <paramref name="removed"/>,
    /// followed by field selectors whose matches are recorded in slots from <paramref name="slotBase"/> + their position.
    /// </summary>
    private void Walk(Selector[] selectors, SelectorBuckets buckets, int slotBase, RemovedView removed)
    {
        var root = _root;
        var removeCount = _plan.Remove.Count;
        var slots = Math.Max(selectors.Length, 1);
        var keys = Math.Max(buckets.AncestorKeyCount, 1);

        // The thread's arrays, taken out of their slots while in use (a walk started meanwhile on this thread, which no
        // caller does today, would get arrays of its own). The frame stack is kept as every walk keeps its own.
        var scratch = t_scratch ?? new Scratch();
        t_scratch = null;
        scratch.Fit(slots, keys);
        var slotSeen = scratch.SlotSeen;
        var keySeen = scratch.KeySeen;
        var ancestorCounts = scratch.AncestorCounts;
        var hits = scratch.Hits;
        var frames = FrameStack.Take(ref t_frames);
        var deepest = 1;
        Array.Clear(slotSeen, 0, slots);
        Array.Clear(keySeen, 0, keys);
        Array.Clear(ancestorCounts, 0, keys);
        var found = new SelectorBuckets.Stamps(slotSeen, scratch.SlotItems);
        var carried = new SelectorBuckets.Stamps(keySeen, scratch.KeyItems);
        var checkAncestors = buckets.AncestorKeyCount > 0;

        // AngleSharp's own elements all derive from its Element class: a class test is much cheaper than an interface
        // test on types that implement dozens of interfaces. Any other DOM goes through the interface.
        var angleSharpNodes = root is Element;
        try
        {
            // The root and whatever holds it are ancestors of everything walked.
            if (checkAncestors)
            {
                for (var ancestor = root; ancestor is not null; ancestor = ancestor.ParentElement)
                {
                    found.Next();
                    carried.Next();
                    buckets.Collect(ancestor, ref found, ref carried);
                    for (var i = 0; i < carried.Count; i++)
                    {
                        ancestorCounts[carried[i]]++;
                    }
                }
            }

            var depth = 0;
            var hitTop = 0;
            var top = root.ChildNodes;
            frames[depth++] = new Frame(top, top.Length, 0, 0);
            while (depth > 0)
            {
                ref var frame = ref frames[depth - 1];
                frame.Index++;
                if (frame.Index >= frame.Count)
                {
                    // Leaving an element's children: it no longer counts as an ancestor.
                    for (var i = frame.HitStart; i < frame.HitStart + frame.HitCount; i++)
                    {
                        ancestorCounts[hits[i]]--;
                    }

                    hitTop = frame.HitStart;
                    depth--;
                    continue;
                }

                var node = frame.Nodes[frame.Index];
                var element = DomNodes.AsElement(node, angleSharpNodes);
                if (element is null)
                {
                    continue;
                }

                found.Next();
                carried.Next();
                var count = buckets.Collect(element, ref found, ref carried);
                var isRemoved = false;
                for (var i = 0; i < count; i++)
                {
                    var slot = found[i];
                    if (slot < removeCount
                        && (!checkAncestors || buckets.AncestorsAllow(slot, ancestorCounts))
                        && selectors[slot].MatchesCandidate(element, root))
                    {
                        isRemoved = true;
                        break;
                    }
                }

                if (isRemoved)
                {
                    removed.Add(element);
                    continue;
                }

                for (var i = 0; i < count; i++)
                {
                    var slot = found[i];
                    if (slot >= removeCount
                        && (!checkAncestors || buckets.AncestorsAllow(slot, ancestorCounts))
                        && selectors[slot].MatchesCandidate(element, root))
                    {
                        Record(slotBase + slot, element);
                    }
                }

                var children = element.ChildNodes;
                var childCount = children.Length;
                if (childCount == 0)
                {
                    continue;
                }

                // Entering its children: the element counts as an ancestor for the keys it carries.
                if (hitTop + carried.Count > hits.Length)
                {
                    Array.Resize(ref hits, Math.Max(hitTop + carried.Count, hits.Length * 2));
                    scratch.Hits = hits;
                }

                for (var i = 0; i < carried.Count; i++)
                {
                    hits[hitTop + i] = carried[i];
                    ancestorCounts[carried[i]]++;
                }

                if (depth == frames.Length)
                {
                    Array.Resize(ref frames, depth * 2);
                }

                frames[depth++] = new Frame(children, childCount, hitTop, carried.Count);
                deepest = Math.Max(deepest, depth);
                hitTop += carried.Count;
            }
        }
        finally
        {
            // Only the frames hold references to the document; a thread keeps its arrays unless a page made them huge.
            FrameStack.Keep(ref t_frames, frames, deepest);
            if (hits.Length <= FrameStack.KeptLength)
            {
                t_scratch = scratch;
            }
        }
    }

    /// <summary>The plan this index was built for.</summary>
    public PagePlan Plan => _plan;

    /// <summary>True when the plan indexed <paramref name="selector"/>; <paramref name="element"/> is its first visible match or null.</summary>
    public bool TryFirst(Selector selector, out IElement? element)
    {
        var slot = SlotOf(selector);
        element = slot < 0 ? null : _first[slot];
        return slot >= 0;
    }

    /// <summary>True when the plan indexed <paramref name="selector"/>; <paramref name="elements"/> are its visible matches in document order.</summary>
    public bool TryAll(Selector selector, out IReadOnlyList<IElement> elements)
    {
        var slot = SlotOf(selector);
        if (slot < 0)
        {
            elements = s_noElements;
            return false;
        }

        elements = _all[slot] is { } all ? all : _first[slot] is { } first ? new[] { first } : s_noElements;
        return true;
    }

    [ThreadStatic]
    private static Scratch? t_scratch;

    [ThreadStatic]
    private static Frame[]? t_frames;

    /// <summary>
    /// The counting arrays of a walk (they hold no document references), kept by each thread from one page to the next:
    /// renting seven arrays from the shared pool and returning them cost about 0.15 µs a page, which on a small page
    /// (Zeit: 4.5 µs for the whole extraction) is worth saving.
    /// </summary>
    private sealed class Scratch
    {
        public int[] SlotSeen = new int[16];
        public int[] SlotItems = new int[16];
        public int[] KeySeen = new int[16];
        public int[] KeyItems = new int[16];
        public int[] AncestorCounts = new int[16];
        public int[] Hits = new int[64];

        /// <summary>Makes room for a plan's slots and ancestor keys.</summary>
        public void Fit(int slots, int keys)
        {
            if (SlotSeen.Length < slots)
            {
                SlotSeen = new int[slots];
                SlotItems = new int[slots];
            }

            if (KeySeen.Length < keys)
            {
                KeySeen = new int[keys];
                KeyItems = new int[keys];
                AncestorCounts = new int[keys];
            }
        }
    }

    /// <summary>
    /// A position in one element's child list (its length read once: the list is an interface, and the document does not
    /// change during the walk), and the ancestor keys that element carries (in the hit stack).
    /// </summary>
    private struct Frame
    {
        public Frame(INodeList nodes, int count, int hitStart, int hitCount)
        {
            Nodes = nodes;
            Count = count;
            Index = -1;
            HitStart = hitStart;
            HitCount = hitCount;
        }

        public INodeList Nodes;
        public int Count;
        public int Index;
        public int HitStart;
        public int HitCount;
    }

    /// <summary>The selector's slot, after the fallbacks' walk when it is a fallback's; -1 when the plan has none.</summary>
    private int SlotOf(Selector selector)
    {
        var slot = _plan.SlotOf(selector);
        if (slot >= _plan.Selectors.Length && !FallbacksWalked)
        {
            // The remove list is walked again, into a view of its own: the page's view already holds the same elements,
            // and matching the remove selectors skips the removed subtrees as the first walk did.
            FallbacksWalked = true;
            Walk(_plan.Fallbacks, _plan.FallbackBuckets, slotBase: _plan.Selectors.Length - _plan.Remove.Count, new RemovedView());
        }

        return slot;
    }

    private void Record(int slot, IElement element)
    {
        if (_first[slot] is not { } first)
        {
            _first[slot] = element;
        }
        else
        {
            (_all[slot] ??= new List<IElement> { first }).Add(element);
        }
    }
}
