using System.Globalization;

namespace ScrapeDsl;

/// <summary>
/// Names a field while it is read, e.g. <c>feed[3].title</c>; the path string is only built when a problem is reported,
/// so reading fields of list items allocates nothing for the name.
/// </summary>
public readonly struct FieldRef
{
    private readonly string? _parent;
    private readonly int _index;

    /// <summary>A top-level field.</summary>
    public FieldRef(string name)
        : this(null, -1, name)
    {
    }

    /// <summary>A field of item <paramref name="index"/> of the list field <paramref name="parent"/>.</summary>
    public FieldRef(string? parent, int index, string name)
    {
        _parent = parent;
        _index = index;
        Name = name;
    }

    /// <summary>The field's own name.</summary>
    public string Name { get; }

    /// <summary>The full path, e.g. <c>feed[3].title</c>.</summary>
    public override string ToString() => _parent is null
        ? Name
        : _index < 0
            ? _parent + "." + Name
            : _parent + "[" + _index.ToString(CultureInfo.InvariantCulture) + "]." + Name;
}
