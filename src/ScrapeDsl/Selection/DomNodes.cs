using System.Runtime.CompilerServices;
using AngleSharp.Dom;

namespace ScrapeDsl;

/// <summary>The node tests of the document walks, done the cheap way when the nodes are AngleSharp's own.</summary>
internal static class DomNodes
{
    /// <summary>
    /// The node as an element, or null: <paramref name="angleSharpNodes"/> says the node comes from a child list of an
    /// AngleSharp <see cref="Element"/> (the walks check their root once).
    /// </summary>
    /// <remarks>
    /// A type test against <see cref="Element"/> walks the node's class hierarchy, and text nodes, most of a page's
    /// nodes, fail it only at the top. AngleSharp's child lists are arrays of its <see cref="Node"/> class, whose node
    /// type is a plain field, so a text node is turned away with one load; elements still get the type test, so a
    /// node that merely claims to be an element is never treated as one.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IElement? AsElement(INode node, bool angleSharpNodes)
    {
        if (angleSharpNodes)
        {
            return Unsafe.As<Node>(node).NodeType == NodeType.Element ? node as Element : null;
        }

        return node as IElement;
    }

    /// <summary>The element's local name, read from AngleSharp's <see cref="Element"/> directly (a field, not an interface call) when it is one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string LocalName(IElement element) => element is Element angleSharpElement ? angleSharpElement.LocalName : element.LocalName;
}
