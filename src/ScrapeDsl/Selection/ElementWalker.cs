using System;
using System.Buffers;
using AngleSharp.Dom;

namespace ScrapeDsl;

/// <summary>
/// Visits the descendant elements of a scope in document order, skipping removed subtrees.
/// Iterative with a pooled stack (a hostile page can nest elements arbitrarily deep) and index-based
/// (AngleSharp's sibling properties search the parent's child list, which is quadratic on wide parents).
/// </summary>
internal struct ElementWalker : IDisposable
{
    private readonly RemovedView? _removed;
    private readonly bool _angleSharpNodes;
    private NodeFrame[] _stack;
    private int _depth;
    private IElement? _last;
    private bool _skipChildren;

    public ElementWalker(IElement scope, RemovedView? removed)
    {
        _removed = removed is { IsEmpty: false } ? removed : null;
        _angleSharpNodes = scope is Element;
        _stack = ArrayPool<NodeFrame>.Shared.Rent(32);
        _stack[0] = new NodeFrame(scope.ChildNodes);
        _depth = 1;
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
            Array.Clear(_stack, 0, _stack.Length);
            ArrayPool<NodeFrame>.Shared.Return(_stack);
            _stack = null!;
        }
    }

    private void Push(INodeList nodes)
    {
        if (_depth == _stack.Length)
        {
            FrameStack.Grow(ref _stack, _depth);
        }

        _stack[_depth++] = new NodeFrame(nodes);
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
