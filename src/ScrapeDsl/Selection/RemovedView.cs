using System;
using System.Collections.Generic;
using AngleSharp.Dom;

namespace ScrapeDsl;

/// <summary>
/// The elements a <c>remove</c> list takes out of the page, kept as a set instead of being detached,
/// so a document the caller passed in is never changed and no copy of it is made (nor of another view:
/// a field-level view links the page's).
/// Everything that reads the page (selection, text, html) skips these subtrees.
/// </summary>
internal sealed class RemovedView
{
    // Small sets (the usual case: a few dozen ad slots) are an array scanned by reference: hashing an element would
    // make the runtime give every visited element a hash code, which costs more than the scan. Large sets are hashed.
    private const int ScanLimit = 64;

    private IElement[]? _items;
    private int _count;
    private HashSet<IElement>? _set;

    // Views whose removals also count here (a field's view adds the page's without copying it).
    private RemovedView? _parent;
    private List<RemovedView>? _moreParents;

    public bool IsEmpty => _count == 0 && (_parent is null || _parent.IsEmpty) && AllEmpty(_moreParents);

    /// <summary>Adds every element under <paramref name="scope"/> matching any of <paramref name="selectors"/>.</summary>
    public void AddMatches(IElement scope, IReadOnlyList<Selector> selectors, RemovedView? alreadyRemoved)
    {
        foreach (var selector in selectors)
        {
            var walker = new ElementWalker(scope, alreadyRemoved);
            try
            {
                while (walker.MoveNext(out var element))
                {
                    if (selector.Matches(element, scope))
                    {
                        Add(element);
                        walker.SkipChildren();
                    }
                }
            }
            finally
            {
                walker.Dispose();
            }
        }
    }

    /// <summary>Adds one removed element (its subtree goes with it).</summary>
    public void Add(IElement element)
    {
        if (Contains(element, ownOnly: true))
        {
            return;
        }

        if (_set is not null)
        {
            _set.Add(element);
        }
        else if (_count == ScanLimit)
        {
            _set = new HashSet<IElement>(_items!, ReferenceEqualityComparer.Instance) { element };
        }
        else
        {
            if (_items is null || _count == _items.Length)
            {
                Array.Resize(ref _items, _items is null ? 8 : _items.Length * 2);
            }

            _items[_count] = element;
        }

        _count++;
    }

    /// <summary>
    /// Also counts everything <paramref name="other"/> removed. The other view is linked, not copied: views are filled
    /// before they are read and never change afterwards (the page's view is complete once the page is open).
    /// </summary>
    public void AddAll(RemovedView other)
    {
        if (ReferenceEquals(other, this))
        {
            return;
        }

        if (_parent is null)
        {
            _parent = other;
        }
        else
        {
            (_moreParents ??= new List<RemovedView>()).Add(other);
        }
    }

    /// <summary>True when the element itself was removed (not its ancestors; walkers skip whole subtrees).</summary>
    public bool Contains(IElement element) => Contains(element, ownOnly: false);

    /// <summary>True when the element or one of its ancestors up to (not including) <paramref name="stop"/> was removed.</summary>
    public bool IsInsideRemoved(IElement element, IElement? stop)
    {
        for (var current = element; current is not null && current != stop; current = current.ParentElement)
        {
            if (Contains(current))
            {
                return true;
            }
        }

        return false;
    }

    private bool Contains(IElement element, bool ownOnly)
    {
        if (_set is not null)
        {
            if (_set.Contains(element))
            {
                return true;
            }
        }
        else if (_items is not null)
        {
            var items = _items;
            for (var i = 0; i < _count; i++)
            {
                if (ReferenceEquals(items[i], element))
                {
                    return true;
                }
            }
        }

        if (ownOnly)
        {
            return false;
        }

        if (_parent is not null && _parent.Contains(element))
        {
            return true;
        }

        if (_moreParents is not null)
        {
            foreach (var parent in _moreParents)
            {
                if (parent.Contains(element))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool AllEmpty(List<RemovedView>? views)
    {
        if (views is not null)
        {
            foreach (var view in views)
            {
                if (!view.IsEmpty)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
