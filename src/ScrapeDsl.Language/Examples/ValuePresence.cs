using System;
using System.Collections.Generic;
using AngleSharp.Dom;
using ScrapeDsl.Text;

namespace ScrapeDsl.Language;

/// <summary>
/// Whether reading a value from an element gives a non-empty string, by the runtime's definitions
/// (src/ScrapeDsl/Values): the checks need only "empty or not", so no text is built.
/// </summary>
internal static class ValuePresence
{
    private static readonly HashSet<string> s_invisible = new(TextElements.Invisible, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when reading <paramref name="kind"/> from <paramref name="element"/> gives a non-empty value.</summary>
    public static bool Yields(IElement element, ValueKind kind, string? attribute, RemovedSet removed) => kind switch
    {
        // NormalizeInline collapses whitespace and trims: non-empty exactly when there is a non-white character.
        ValueKind.Attribute => HasNonWhite(element.GetAttribute(attribute ?? string.Empty)),

        // Approximation: the sanitized HTML is taken as non-empty when there is visible text or an image
        // (HtmlSanitizer keeps <img>); markup that the sanitizer strips entirely is not modelled.
        ValueKind.Html => HasText(element, removed) || HasImage(element, removed),
        _ => HasText(element, removed),
    };

    /// <summary>True when <c>value: text</c> of the element is non-empty: a visible, not removed text node with a non-white character.</summary>
    public static bool HasText(IElement element, RemovedSet removed)
    {
        var stack = new Stack<INode>();
        Push(stack, element);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText text)
            {
                if (HasNonWhite(text.Data))
                {
                    return true;
                }
            }
            else if (node is IElement child && !s_invisible.Contains(child.LocalName) && !removed.Contains(child))
            {
                Push(stack, child);
            }
        }

        return false;
    }

    private static bool HasImage(IElement element, RemovedSet removed)
    {
        var walk = new ElementWalk(element, removed);
        while (walk.MoveNext(out var descendant))
        {
            if (string.Equals(descendant.LocalName, "img", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void Push(Stack<INode> stack, INode parent)
    {
        var children = parent.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            stack.Push(children[i]);
        }
    }

    private static bool HasNonWhite(string? value)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
