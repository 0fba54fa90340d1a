using System.Collections.Generic;
using System.Runtime.CompilerServices;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ScrapeDsl.Language;

/// <summary>
/// An example page as the example checks see it: the parsed document and the rule-level removed view.
/// Mirrors the runtime's <c>Page</c>, <c>RemovedView</c> and <c>ElementWalker</c> (src/ScrapeDsl/Selection), which this
/// netstandard2.0 library cannot reference: elements are visited in document order, removed subtrees are skipped,
/// and a selector is matched with the scope element as <c>:scope</c>. A differential test holds the two together.
/// </summary>
internal sealed class ExampleDocument
{
    private static readonly HtmlParser s_parser = new();

    private ExampleDocument(IElement root) => Root = root;

    /// <summary>The <c>html</c> element: the scope of top-level fields (never matched itself, as at run time).</summary>
    public IElement Root { get; }

    /// <summary>What the rule-level <c>remove</c> list took out.</summary>
    public RemovedSet Removed { get; } = new();

    public static ExampleDocument Parse(string html)
    {
        // Any text gives a document (HTML5 parsing rules), as in the runtime's Page.Parse.
        return new ExampleDocument(s_parser.ParseDocument(html).DocumentElement);
    }

    /// <summary>Every match of <paramref name="selector"/> below <paramref name="scope"/>, in document order, outside removed subtrees.</summary>
    public static List<IElement> SelectAll(IElement scope, ISelector selector, RemovedSet? removed)
    {
        var found = new List<IElement>();
        var walk = new ElementWalk(scope, removed);
        while (walk.MoveNext(out var element))
        {
            if (selector.Match(element, scope))
            {
                found.Add(element);
            }
        }

        return found;
    }

    /// <summary>
    /// Adds the matches of <paramref name="selector"/> below <paramref name="scope"/> to <paramref name="into"/>, not
    /// descending into a match (as <c>RemovedView.AddMatches</c>); returns how many were added.
    /// </summary>
    public static int AddMatches(IElement scope, ISelector selector, RemovedSet? alreadyRemoved, RemovedSet into)
    {
        var count = 0;
        var walk = new ElementWalk(scope, alreadyRemoved);
        while (walk.MoveNext(out var element))
        {
            if (selector.Match(element, scope))
            {
                into.Add(element);
                walk.SkipChildren();
                count++;
            }
        }

        return count;
    }
}

/// <summary>A set of removed elements, compared by reference (as the runtime's <c>RemovedView</c>).</summary>
internal sealed class RemovedSet
{
    private readonly HashSet<IElement> _elements = new(ReferenceComparer.Instance);

    public bool IsEmpty => _elements.Count == 0;

    public void Add(IElement element) => _elements.Add(element);

    public void AddAll(RemovedSet other) => _elements.UnionWith(other._elements);

    public bool Contains(IElement element) => _elements.Contains(element);

    private sealed class ReferenceComparer : IEqualityComparer<IElement>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(IElement? x, IElement? y) => ReferenceEquals(x, y);

        public int GetHashCode(IElement obj) => RuntimeHelpers.GetHashCode(obj);
    }
}

/// <summary>The descendant elements of a scope in document order, skipping removed subtrees; iterative (pages nest deeply).</summary>
internal struct ElementWalk
{
    private readonly RemovedSet? _removed;
    private readonly List<Frame> _stack;
    private IElement? _last;
    private bool _skipChildren;

    public ElementWalk(IElement scope, RemovedSet? removed)
    {
        _removed = removed is { IsEmpty: false } ? removed : null;
        _stack = new List<Frame> { new(scope.ChildNodes) };
        _last = null;
        _skipChildren = false;
    }

    /// <summary>Do not descend into the element last returned.</summary>
    public void SkipChildren() => _skipChildren = true;

    public bool MoveNext(out IElement element)
    {
        if (_last is not null && !_skipChildren && _last.ChildNodes.Length > 0)
        {
            _stack.Add(new Frame(_last.ChildNodes));
        }

        _skipChildren = false;
        while (_stack.Count > 0)
        {
            var top = _stack.Count - 1;
            var frame = _stack[top];
            frame.Index++;
            _stack[top] = frame;
            if (frame.Index >= frame.Nodes.Length)
            {
                _stack.RemoveAt(top);
                continue;
            }

            if (frame.Nodes[frame.Index] is IElement candidate && (_removed is null || !_removed.Contains(candidate)))
            {
                _last = candidate;
                element = candidate;
                return true;
            }
        }

        _last = null;
        element = null!;
        return false;
    }

    private struct Frame
    {
        public Frame(INodeList nodes)
        {
            Nodes = nodes;
            Index = -1;
        }

        public INodeList Nodes;
        public int Index;
    }
}
