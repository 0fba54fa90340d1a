using System.Collections.Generic;
using AngleSharp.Dom;

namespace ScrapeDsl;

/// <summary>
/// The elements a <c>remove</c> list takes out of the page, kept as a set instead of being detached,
/// so a document the caller passed in is never changed and no copy of it is made.
/// Everything that reads the page (selection, text, html) skips these subtrees.
/// </summary>
internal sealed class RemovedView
{
    private readonly HashSet<IElement> _removed = new(ReferenceEqualityComparer.Instance);

    public bool IsEmpty => _removed.Count == 0;

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
                    if (selector.Compiled.Match(element, scope))
                    {
                        _removed.Add(element);
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

    /// <summary>Adds everything another view removed.</summary>
    public void AddAll(RemovedView other) => _removed.UnionWith(other._removed);

    /// <summary>True when the element itself was removed (not its ancestors; walkers skip whole subtrees).</summary>
    public bool Contains(IElement element) => _removed.Contains(element);

    /// <summary>True when the element or one of its ancestors up to (not including) <paramref name="stop"/> was removed.</summary>
    public bool IsInsideRemoved(IElement element, IElement? stop)
    {
        for (var current = element; current is not null && current != stop; current = current.ParentElement)
        {
            if (_removed.Contains(current))
            {
                return true;
            }
        }

        return false;
    }
}
