using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using AngleSharp.Dom;

namespace ScrapeDsl;

/// <summary>
/// Selectors filed by the keys (<see cref="SelectorShape"/>) their matches must carry, the way browsers hash style
/// rules: each selector under its subject's id, class, attribute (and value) or tag, plus the keys its subject's
/// ancestors must carry. An element is then tested (with AngleSharp's own <c>Match</c>, which decides) only against
/// the selectors filed under its own id, classes, attributes and tag, and only when the walk has passed an ancestor
/// carrying each required ancestor key. Keys are necessary conditions, never sufficient ones, so leaving the other
/// selectors untested cannot change a result; selectors without a usable key are tested on every element.
/// </summary>
internal sealed class SelectorBuckets
{
    private readonly FrozenDictionary<string, KeyEntry> _ids;
    // The class keys by fingerprint (ClassTokens.Fingerprint: length, first and last letter, case folded), for the class
    // names of every element of a page: the fingerprint a name needs for the filter below also finds its candidates, so
    // a name is compared with the one or two keys sharing its fingerprint instead of being hashed again by a dictionary.
    // Empty when there are no class keys (the table is 8 KB, and a registry holds the plans of hundreds of rules).
    private readonly (string Name, KeyEntry Entry)[]?[] _classesByFingerprint;
    private readonly FrozenDictionary<string, KeyEntry> _attributes;
    private readonly FrozenDictionary<string, KeyEntry> _tags;
    private readonly ulong[] _classFingerprints = new ulong[16];
    private readonly bool _readAttributes;

    // Whether each dictionary has keys, read for every element and attribute of a page: a field, not a virtual call.
    private readonly bool _hasIds;
    private readonly bool _hasClasses;
    private readonly bool _hasAttributes;
    private readonly bool _hasTags;
    private readonly bool _classIsAttributeKey;

    // Which name lengths the attribute keys have (bit 63: 63 or more), so most attributes skip the lookup.
    private readonly ulong _attributeLengths;

    // Which first characters the attribute keys have (see FirstBit).
    private readonly ulong _attributeFirsts;

    // The same two filters for the tag keys.
    private readonly ulong _tagLengths;
    private readonly ulong _tagFirsts;
    private readonly int[] _always;
    private readonly int[][] _requiredAncestors;

    public SelectorBuckets(IReadOnlyList<Selector> selectors)
    {
        var ids = new Dictionary<string, KeyEntry>(StringComparer.OrdinalIgnoreCase);
        var classes = new Dictionary<string, KeyEntry>(StringComparer.OrdinalIgnoreCase);
        var attributes = new Dictionary<string, KeyEntry>(StringComparer.OrdinalIgnoreCase);
        var tags = new Dictionary<string, KeyEntry>(StringComparer.OrdinalIgnoreCase);
        var ancestorKeys = new Dictionary<SelectorKey, int>(new KeyComparer());
        var always = new List<int>();
        _requiredAncestors = new int[selectors.Count][];
        for (var slot = 0; slot < selectors.Count; slot++)
        {
            var shape = SelectorShape.Of(selectors[slot].Text);
            if (shape.Subjects is null)
            {
                always.Add(slot);
            }
            else
            {
                foreach (var key in shape.Subjects)
                {
                    Entry(key).AddSlot(slot, key.Value);
                }
            }

            var required = new List<int>();
            foreach (var key in shape.Ancestors)
            {
                if (!ancestorKeys.TryGetValue(key, out var index))
                {
                    index = ancestorKeys.Count;
                    ancestorKeys.Add(key, index);
                    Entry(key).AddAncestor(index, key.Value);
                }

                if (!required.Contains(index))
                {
                    required.Add(index);
                }
            }

            _requiredAncestors[slot] = required.ToArray();
        }

        _classesByFingerprint = classes.Count > 0 ? new (string, KeyEntry)[]?[1024] : [];
        foreach (var (name, entry) in classes)
        {
            var fingerprint = ClassTokens.Fingerprint(name);
            _classFingerprints[fingerprint >> 6] |= 1UL << (fingerprint & 63);
            var sharing = _classesByFingerprint[fingerprint] ?? Array.Empty<(string, KeyEntry)>();
            _classesByFingerprint[fingerprint] = [.. sharing, (name, entry)];
        }

        _ids = ids.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _attributes = attributes.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _tags = tags.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _hasIds = _ids.Count > 0;
        _hasClasses = classes.Count > 0;
        _hasAttributes = _attributes.Count > 0;
        _hasTags = _tags.Count > 0;
        _readAttributes = _hasIds || _hasClasses || _hasAttributes;
        _classIsAttributeKey = _attributes.ContainsKey("class");
        foreach (var name in attributes.Keys)
        {
            _attributeLengths |= LengthBit(name.Length);
            _attributeFirsts |= name[0] < 0x80 ? FirstBit(name[0]) : ulong.MaxValue;
        }

        foreach (var name in tags.Keys)
        {
            _tagLengths |= LengthBit(name.Length);
            _tagFirsts |= name[0] < 0x80 ? FirstBit(name[0]) : ulong.MaxValue;
        }
        _always = always.ToArray();
        SlotCount = selectors.Count;
        AncestorKeyCount = ancestorKeys.Count;

        KeyEntry Entry(SelectorKey key)
        {
            var bucket = key.Kind switch
            {
                SelectorKeyKind.Id => ids,
                SelectorKeyKind.Class => classes,
                SelectorKeyKind.Attribute => attributes,
                _ => tags,
            };
            if (!bucket.TryGetValue(key.Name, out var entry))
            {
                bucket.Add(key.Name, entry = new KeyEntry());
            }

            return entry;
        }
    }

    /// <summary>How many selectors were filed.</summary>
    public int SlotCount { get; }

    /// <summary>How many distinct ancestor keys the selectors require.</summary>
    public int AncestorKeyCount { get; }

    /// <summary>
    /// Writes the slots <paramref name="element"/> could match into <paramref name="found"/> and the ancestor keys it
    /// carries into <paramref name="ancestorHits"/> (each once, using the stamps), and returns how many slots.
    /// </summary>
    public int Collect(IElement element, ref Stamps found, ref Stamps ancestorHits)
    {
        if (_always.Length > 0)
        {
            foreach (var slot in _always)
            {
                found.Add(slot);
            }
        }

        if (_hasTags && DomNodes.LocalName(element) is var tag && MayBeTagKey(tag))
        {
            CollectKey(_tags, tag, null, ref found, ref ancestorHits);
        }

        if (!_readAttributes)
        {
            return found.Count;
        }

        // The loop runs for every attribute on the page, so it stays small enough for the JIT to keep its locals in
        // registers: the dictionary lookups and the class-list scan are separate methods, called only when a key may match.
        var attributes = element.Attributes;
        var length = attributes.Length;
        for (var i = 0; i < length; i++)
        {
            if (attributes[i] is not { } attribute)
            {
                continue;
            }

            // AngleSharp's attributes are its sealed Attr class: direct calls rather than interface calls for the
            // name and value of every attribute on the page.
            var angleSharpAttribute = attribute as Attr;
            var name = angleSharpAttribute is not null ? angleSharpAttribute.Name : attribute.Name;
            if (name.Length == 5 && IsNamed(name, "class"))
            {
                if (_hasClasses)
                {
                    CollectClasses(ValueOf(attribute, angleSharpAttribute), ref found, ref ancestorHits);
                }

                if (!_classIsAttributeKey)
                {
                    continue;
                }
            }
            else if (name.Length == 2 && _hasIds && IsNamed(name, "id"))
            {
                CollectKey(_ids, ValueOf(attribute, angleSharpAttribute), null, ref found, ref ancestorHits);
            }

            if (_hasAttributes)
            {
                if (MayBeAttributeKey(name))
                {
                    CollectKey(_attributes, name, ValueOf(attribute, angleSharpAttribute), ref found, ref ancestorHits);
                }

                // A prefixed attribute (xlink:href) is also filed under its local name.
                if (name.Contains(':') && attribute.LocalName is { } localName && MayBeAttributeKey(localName))
                {
                    CollectKey(_attributes, localName, ValueOf(attribute, angleSharpAttribute), ref found, ref ancestorHits);
                }
            }
        }

        return found.Count;
    }

    /// <summary>Adds what <paramref name="key"/> stands for in <paramref name="keys"/>, if anything.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CollectKey(FrozenDictionary<string, KeyEntry> keys, string key, string? value, ref Stamps found, ref Stamps ancestorHits)
    {
        if (keys.TryGetValue(key, out var entry))
        {
            entry.Collect(value, ref found, ref ancestorHits);
        }
    }

    private static string ValueOf(IAttr attribute, Attr? angleSharpAttribute) =>
        angleSharpAttribute is not null ? angleSharpAttribute.Value : attribute.Value;

    /// <summary>
    /// <paramref name="name"/> equals the lowercase ASCII <paramref name="expected"/> ignoring case; the caller has
    /// checked the length. The parser writes attribute names in lowercase, so the case-insensitive comparison runs only
    /// for a name that starts with the same letter in either case, or with a non-ASCII character (<c>style</c> and
    /// <c>title</c> are as long as <c>class</c>).
    /// </summary>
    private static bool IsNamed(string name, string expected) =>
        name == expected
        || (((name[0] | 0x20) == expected[0] || name[0] >= 0x80) && string.Equals(name, expected, StringComparison.OrdinalIgnoreCase));

    /// <summary>False when no tag key has this name's length and first character (most of a page's elements).</summary>
    private bool MayBeTagKey(string name) =>
        (_tagLengths & LengthBit(name.Length)) != 0 && name.Length > 0 && (_tagFirsts & FirstBit(name[0])) != 0;

    /// <summary>False when no attribute key has this name's length and first character (most of a page's attributes).</summary>
    private bool MayBeAttributeKey(string name) =>
        (_attributeLengths & LengthBit(name.Length)) != 0 && name.Length > 0 && (_attributeFirsts & FirstBit(name[0])) != 0;

    private static ulong LengthBit(int length) => 1UL << Math.Min(length, 63);

    // An ASCII letter in either case gives one bit; other ASCII characters share bits, which only lets more names
    // through; every non-ASCII character gives bit 63, which keys starting with one set to all bits (case folding
    // beyond ASCII is left to the dictionary's comparer).
    private static ulong FirstBit(char c) => c < 0x80 ? 1UL << ((c | 0x20) & 63) : 1UL << 63;

    /// <summary>True when the walk is inside an ancestor carrying every ancestor key <paramref name="slot"/> requires.</summary>
    public bool AncestorsAllow(int slot, int[] ancestorCounts)
    {
        foreach (var key in _requiredAncestors[slot])
        {
            if (ancestorCounts[key] == 0)
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CollectClasses(string value, ref Stamps found, ref Stamps ancestorHits)
    {
        var fingerprints = _classFingerprints;
        var position = 0;
        while (ClassTokens.Next(value, ref position, out var name))
        {
            var fingerprint = ClassTokens.Fingerprint(name);
            if ((fingerprints[fingerprint >> 6] & (1UL << (fingerprint & 63))) == 0)
            {
                continue;
            }

            foreach (var (key, entry) in _classesByFingerprint[fingerprint]!)
            {
                if (name.Equals(key, StringComparison.OrdinalIgnoreCase))
                {
                    entry.Collect(null, ref found, ref ancestorHits);
                    break;
                }
            }
        }
    }

    /// <summary>A set of small integers for one element: a stamp per entry marks membership, so clearing is free.</summary>
    internal struct Stamps
    {
        private readonly int[] _seen;
        private readonly int[] _items;
        private int _stamp;

        public Stamps(int[] seen, int[] items)
        {
            _seen = seen;
            _items = items;
            _stamp = 0;
            Count = 0;
        }

        public int Count { get; private set; }

        public int this[int index] => _items[index];

        /// <summary>Empties the set (a new stamp).</summary>
        public void Next()
        {
            _stamp++;
            Count = 0;
        }

        public void Add(int value)
        {
            if (_seen[value] != _stamp)
            {
                _seen[value] = _stamp;
                _items[Count++] = value;
            }
        }
    }

    /// <summary>What one key stands for: subject slots (some needing an exact attribute value) and ancestor keys.</summary>
    private sealed class KeyEntry
    {
        private readonly List<int> _slotList = new();
        private readonly List<(string Value, int Slot)> _valueSlotList = new();
        private readonly List<(string? Value, int Index)> _ancestorList = new();
        private int[] _slots = Array.Empty<int>();
        private (string Value, int Slot)[] _valueSlots = Array.Empty<(string, int)>();
        private (string? Value, int Index)[] _ancestors = Array.Empty<(string?, int)>();

        public void AddSlot(int slot, string? value)
        {
            if (value is null)
            {
                if (!_slotList.Contains(slot))
                {
                    _slotList.Add(slot);
                }
            }
            else
            {
                _valueSlotList.Add((value, slot));
            }

            Seal();
        }

        public void AddAncestor(int index, string? value)
        {
            _ancestorList.Add((value, index));
            Seal();
        }

        /// <summary>Adds what the key stands for; <paramref name="value"/> is the attribute value the element has (null for other kinds).</summary>
        public void Collect(string? value, ref Stamps found, ref Stamps ancestorHits)
        {
            foreach (var slot in _slots)
            {
                found.Add(slot);
            }

            foreach (var (required, slot) in _valueSlots)
            {
                if (string.Equals(value, required, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(slot);
                }
            }

            foreach (var (required, index) in _ancestors)
            {
                if (required is null || string.Equals(value, required, StringComparison.OrdinalIgnoreCase))
                {
                    ancestorHits.Add(index);
                }
            }
        }

        // Arrays for the walk; the lists only while the plan is being built.
        private void Seal()
        {
            _slots = _slotList.ToArray();
            _valueSlots = _valueSlotList.ToArray();
            _ancestors = _ancestorList.ToArray();
        }
    }

    /// <summary>Keys equal ignoring case (names and values), as they are matched.</summary>
    private sealed class KeyComparer : IEqualityComparer<SelectorKey>
    {
        public bool Equals(SelectorKey x, SelectorKey y) =>
            x.Kind == y.Kind
            && string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase)
            && string.Equals(x.Value, y.Value, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode(SelectorKey key) =>
            HashCode.Combine(key.Kind, StringComparer.OrdinalIgnoreCase.GetHashCode(key.Name), key.Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(key.Value));
    }
}
