using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Text;
using ScrapeDsl.Parsing;

namespace ScrapeDsl.Language;

/// <summary>
/// An example page as the example checks see it: the parsed document and the rule-level removed view.
/// Mirrors the runtime's <c>Page</c>, <c>RemovedView</c> and <c>ElementWalker</c> (src/ScrapeDsl/Selection), which this
/// netstandard2.0 library cannot reference: elements are visited in document order, removed subtrees are skipped,
/// and a selector is matched with the scope element as <c>:scope</c>. A differential test holds the two together.
/// </summary>
internal sealed class ExampleDocument
{
    // The runtime's options (HtmlParsing): the checks see the tree extraction sees.
    private static readonly HtmlParser s_parser = new(HtmlParsing.Options);

    /// <summary>
    /// How long the checks let one example page take to parse (the runtime's default is 5 s): long enough that a busy
    /// machine never stops a real page (the largest example page, the RBC article, parses in about 2 ms), short enough
    /// that a hostile page cannot hold the build or the editor for minutes.
    /// </summary>
    public static readonly TimeSpan ParseLimit = TimeSpan.FromSeconds(10);

    private readonly IDocument _document;
    private List<IElement>? _metas;
    private ExampleJsonLd? _jsonLd;
    private (Uri? Url, Uri? Base)? _base;

    private ExampleDocument(IDocument document)
    {
        _document = document;
        Root = document.DocumentElement;
    }

    /// <summary>The <c>html</c> element: the scope of top-level fields (never matched itself, as at run time).</summary>
    public IElement Root { get; }

    /// <summary>What the rule-level <c>remove</c> list took out.</summary>
    public RemovedSet Removed { get; } = new();

    /// <summary>The page's <c>meta</c> elements outside removed subtrees, in document order (as <c>Page.Metas</c>; read after the rule's remove list).</summary>
    public List<IElement> Metas => _metas ??= FindAll(static element => element.LocalName == "meta");

    /// <summary>The page's JSON-LD outside removed subtrees, parsed on first use (as <c>Page.JsonLdBlocks</c>).</summary>
    public ExampleJsonLd JsonLd => _jsonLd ??= new ExampleJsonLd(JsonLdBlocks());

    /// <summary>
    /// Parses an example page (any text gives a document, HTML5 parsing rules, as in the runtime's <c>Page.Parse</c>),
    /// stopping the parse at <paramref name="parseLimit"/> as the runtime's <c>PageParser</c> does. Also gives where in
    /// the text the parse was stopped, or null when it read the whole page.
    /// </summary>
    public static (ExampleDocument Document, int? StoppedAt) Parse(string html, TimeSpan parseLimit)
    {
        var (document, stoppedAt) = ParseWatch.Parse(s_parser, new ReadOnlyMemoryTextSource(html), parseLimit);
        return (new ExampleDocument(document), stoppedAt);
    }

    /// <summary>What relative URLs resolve against on this page for the example's <paramref name="url"/>.</summary>
    public Uri? BaseUri(Uri? url)
    {
        if (_base is not { } cached || cached.Url != url)
        {
            cached = (url, ExampleUrls.FindBase(_document, url));
            _base = cached;
        }

        return cached.Base;
    }

    private List<IElement> FindAll(Func<IElement, bool> predicate)
    {
        var found = new List<IElement>();
        var walk = new ElementWalk(Root, Removed);
        while (walk.MoveNext(out var element))
        {
            if (predicate(element))
            {
                found.Add(element);
            }
        }

        return found;
    }

    private IEnumerable<string> JsonLdBlocks()
    {
        var blocks = new List<string>();
        foreach (var script in FindAll(static element => element.LocalName == "script"
            && string.Equals(element.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase)))
        {
            blocks.Add(script.TextContent);
        }

        return blocks;
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
