using System;
using System.Collections.Generic;
using System.Text;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;

namespace ScrapeDsl;

/// <summary>
/// A selector list matched with its class selectors read apart from the rest (<c>.a</c>, <c>p.title</c>,
/// <c>.feed &gt; a.item:not([data-x])</c>, <c>#content &gt; p.title</c>, <c>.hero figcaption, article</c>), because
/// AngleSharp's class selector builds and keeps a class list (a list and a string per class) on every element it tests,
/// which on a freshly parsed page means every candidate and every ancestor or sibling a combinator visits. Classes are
/// read from the class attribute exactly as AngleSharp's class selector reads it (<see cref="SelectorFilter.HasClass"/>),
/// the rest of each compound (type, ids, attributes, pseudo-classes) by AngleSharp as one selector, and the combinators
/// are walked as CSS defines them (ancestors and earlier siblings up to the document, whatever the scope). An element
/// whose class attribute is spelt in another case is left to AngleSharp: the answer is then null.
/// </summary>
internal sealed class ClassSelectors
{
    private readonly Chain[] _parts;

    private ClassSelectors(Chain[] parts) => _parts = parts;

    /// <summary>
    /// The selector as chains of compounds, or null when it has no class selector or a compound cannot be split into
    /// classes and the rest (see <see cref="Compound.Of"/>).
    /// </summary>
    /// <param name="parts">Per comma-separated part, its compounds with the combinator before each (' ', '&gt;', '+', '~').</param>
    /// <param name="parseRest">Parses the rest of a compound with AngleSharp (once, when the selector is prepared); null when it does not parse.</param>
    public static ClassSelectors? Of(List<List<(string Text, char CombinatorBefore)>> parts, Func<string, ISelector?> parseRest)
    {
        var chains = new Chain[parts.Count];
        var classes = 0;
        for (var p = 0; p < parts.Count; p++)
        {
            var compounds = parts[p];
            var chain = new Chain(new Compound[compounds.Count], new char[compounds.Count]);
            for (var c = 0; c < compounds.Count; c++)
            {
                if (Compound.Of(compounds[c].Text, parseRest) is not { } compound)
                {
                    return null;
                }

                chain.Compounds[c] = compound;
                chain.Combinators[c] = compounds[c].CombinatorBefore;
                classes += compound.ClassCount;
            }

            chains[p] = chain;
        }

        // A selector without class selectors gets nothing from this, and AngleSharp's own matcher is as fast for it.
        return classes > 0 ? new ClassSelectors(chains) : null;
    }

    /// <summary>True or false as AngleSharp would answer; null when AngleSharp must decide.</summary>
    public bool? Match(IElement element)
    {
        bool? result = false;
        foreach (var part in _parts)
        {
            switch (part.Match(element, part.Compounds.Length - 1))
            {
                case true:
                    return true;
                case null:
                    result = null;
                    break;
            }
        }

        return result;
    }

    /// <summary>Class names, and the rest of a compound left to AngleSharp, that one element must all match.</summary>
    private sealed class Compound(ISelector? restSelector, string[] classes)
    {
        /// <summary>
        /// The compound's class selectors, and the rest of it (type, ids, attributes, pseudo-classes) as one selector for
        /// AngleSharp, which reads the rest without building a class list (unless the rest names classes itself, as
        /// <c>:not(.x)</c> does); null when the compound cannot be split so: a namespace, <c>:scope</c> (which
        /// depends on the scope), a pseudo-element, an escape.
        /// </summary>
        public static Compound? Of(string text, Func<string, ISelector?> parseRest)
        {
            if (text.IndexOfAny(['|', '\\']) >= 0 || text.Contains("::") || text.IndexOf(":scope", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return null;
            }

            var rest = new StringBuilder();
            var classes = new List<string>();
            var depth = 0;
            var quote = '\0';
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quote != '\0' || c is '"' or '\'')
                {
                    quote = quote == '\0' ? c : c == quote ? '\0' : quote;
                }
                else if (c is '[' or '(')
                {
                    depth++;
                }
                else if (c is ']' or ')')
                {
                    depth--;
                }
                else if (c == '.' && depth == 0)
                {
                    var start = i + 1;
                    var end = start;
                    while (end < text.Length && SelectorShape.IsNameChar(text[end]))
                    {
                        end++;
                    }

                    if (!SelectorShape.IsIdentifier(text, start, end))
                    {
                        return null;
                    }

                    classes.Add(text.Substring(start, end - start));
                    i = end - 1;
                    continue;
                }

                rest.Append(c);
            }

            ISelector? restSelector = null;
            if (rest.Length > 0 && (restSelector = parseRest(rest.ToString())) is null)
            {
                return null;
            }

            return restSelector is not null || classes.Count > 0 ? new Compound(restSelector, classes.ToArray()) : null;
        }

        public int ClassCount => classes.Length;

        public bool? Match(IElement element)
        {
            // Classes first: most elements a remove list or a combinator meets have none of them, and reading the class
            // attribute costs less than AngleSharp's matcher.
            foreach (var name in classes)
            {
                var has = SelectorFilter.HasClass(element, name, out var known);
                if (!known)
                {
                    return null;
                }

                if (!has)
                {
                    return false;
                }
            }

            return restSelector is null || restSelector.Match(element, null);
        }
    }

    /// <summary>Compounds left to right, with the combinator before each (the first one's is unused).</summary>
    private sealed class Chain(Compound[] compounds, char[] combinators)
    {
        public Compound[] Compounds { get; } = compounds;

        public char[] Combinators { get; } = combinators;

        /// <summary>Whether <paramref name="element"/> matches compound <paramref name="index"/> and, through the combinators, all before it.</summary>
        public bool? Match(IElement element, int index)
        {
            var own = Compounds[index].Match(element);
            if (own != true || index == 0)
            {
                return own;
            }

            bool? result = false;
            switch (Combinators[index])
            {
                case '>':
                    return element.ParentElement is { } parent ? Match(parent, index - 1) : false;
                case '+':
                    return PreviousElement(element, out _) is { } previous ? Match(previous, index - 1) : false;
                case '~':
                    for (var sibling = PreviousElement(element, out var position); sibling is not null; sibling = ElementBefore(sibling, ref position))
                    {
                        if (Remember(Match(sibling, index - 1), ref result))
                        {
                            return true;
                        }
                    }

                    return result;
                default:
                    for (var ancestor = element.ParentElement; ancestor is not null; ancestor = ancestor.ParentElement)
                    {
                        if (Remember(Match(ancestor, index - 1), ref result))
                        {
                            return true;
                        }
                    }

                    return result;
            }
        }

        /// <summary>True for a match; keeps an undecided answer in <paramref name="result"/> (false only if every one is false).</summary>
        private static bool Remember(bool? answer, ref bool? result)
        {
            if (answer is null)
            {
                result = null;
            }

            return answer == true;
        }

        /// <summary>The element sibling before <paramref name="element"/>, and its position in the parent's child list.</summary>
        private static IElement? PreviousElement(IElement element, out int position)
        {
            position = -1;
            if (element.Parent is not { } parent)
            {
                return null;
            }

            // One search of the parent's child list; the '~' loop then steps back by position, not by searching again.
            var siblings = parent.ChildNodes;
            for (var i = 0; i < siblings.Length; i++)
            {
                if (ReferenceEquals(siblings[i], element))
                {
                    position = i;
                    return ElementBefore(element, ref position);
                }
            }

            return null;
        }

        /// <summary>The element sibling before the node at <paramref name="position"/> of <paramref name="element"/>'s parent, which moves to it.</summary>
        private static IElement? ElementBefore(IElement element, ref int position)
        {
            var siblings = element.Parent!.ChildNodes;
            for (position--; position >= 0; position--)
            {
                if (siblings[position] is IElement previous)
                {
                    return previous;
                }
            }

            return null;
        }
    }
}
