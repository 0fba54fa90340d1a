using System;
using AngleSharp.Dom;

namespace ScrapeDsl;

/// <summary>
/// Visits the descendant elements of a scope in document order, skipping removed subtrees.
/// Iterative with an explicit stack (a hostile page can nest elements arbitrarily deep) and index-based
/// (AngleSharp's sibling properties search the parent's child list, which is quadratic on wide parents).
/// </summary>
/// <remarks>
/// Nested records make a walk per item and field (the RBC article: about fifty per page), so each thread keeps one
/// stack from walk to walk instead of renting one from the shared pool every time. A walk takes the stack out of the
/// thread's slot while it runs; a walk nested in it (microdata items) makes its own.
/// </remarks>
internal struct ElementWalker : IDisposable
{
    [ThreadStatic]
    private static NodeFrame[]? t_stack;

    private readonly RemovedView? _removed;
    private readonly bool _angleSharpNodes;
    private NodeFrame[] _stack;
    private int _depth;
    private int _deepest;
    private IElement? _last;
    private bool _skipChildren;

    public ElementWalker(IElement scope, RemovedView? removed)
    {
        _removed = removed is { IsEmpty: false } ? removed : null;
        _angleSharpNodes = scope is Element;
        _stack = FrameStack.Take(ref t_stack);
        _stack[0] = new NodeFrame(scope.ChildNodes);
        _depth = 1;
        _deepest = 1;
        _last = null;
        _skipChildren = false;
    }

    /// <summary>Do not descend into the element last returned.</summary>
    public void SkipChildren() => _skipChildren = true;

    public bool MoveNext(out IElement element)
    {
        if (_last is not null && !_skipChildren && _last.ChildNodes.Length > 0)
        {
            Push(_last.ChildNodes);
        }

        _skipChildren = false;
        while (_depth > 0)
        {
            ref var frame = ref _stack[_depth - 1];
            frame.Index++;
            if (frame.Index >= frame.Nodes.Length)
            {
                _depth--;
                continue;
            }

            if (DomNodes.AsElement(frame.Nodes[frame.Index], _angleSharpNodes) is { } candidate && (_removed is null || !_removed.Contains(candidate)))
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

    public void Dispose()
    {
        if (_stack is not null)
        {
            FrameStack.Keep(ref t_stack, _stack, _deepest);
            _stack = null!;
        }
    }

    private void Push(INodeList nodes)
    {
        if (_depth == _stack.Length)
        {
            Array.Resize(ref _stack, _depth * 2);
        }

        _stack[_depth++] = new NodeFrame(nodes);
        _deepest = Math.Max(_deepest, _depth);
    }
}

/// <summary>A position in one node's child list, for the iterative walks.</summary>
internal struct NodeFrame
{
    public NodeFrame(INodeList nodes)
    {
        Nodes = nodes;
        Index = -1;
    }

    public INodeList Nodes;
    public int Index;
}
