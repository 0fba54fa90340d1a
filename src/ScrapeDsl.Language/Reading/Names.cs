using System;
using System.Collections.Generic;
using System.Text;

namespace ScrapeDsl.Language;

/// <summary>How rule and field names become C# identifiers.</summary>
public static class Names
{
    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    // Members every generated record already has; a property with one of these names would not compile.
    private static readonly HashSet<string> s_reservedMembers = new(StringComparer.Ordinal)
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "Deconstruct", "WriteJson",
        "PrintMembers", "MemberwiseClone", "Finalize",
    };

    /// <summary>The class the generator writes with every rule of a project (a rule cannot take its name).</summary>
    public const string RegistryTypeName = "ScrapeRules";

    /// <summary>Null when <paramref name="name"/> is a usable record name; otherwise why not.</summary>
    public static string? CheckTypeName(string name)
    {
        if (!IsIdentifier(name))
        {
            return "a C# type name starts with a letter or '_' and has only letters, digits and '_'";
        }

        if (s_keywords.Contains(name))
        {
            return "it is a C# keyword; use a PascalCase name such as '" + ToPascalCase(name) + "'";
        }

        if (IsLowerCaseAscii(name))
        {
            // The compiler warns (CS8981) that such type names may become keywords; with warnings as errors the build fails.
            return "C# reserves type names of only lower-case ASCII letters for future keywords; use a PascalCase name such as '" + ToPascalCase(name) + "'";
        }

        if (string.Equals(name, RegistryTypeName, StringComparison.OrdinalIgnoreCase))
        {
            return "the generated registry of all rules is the class '" + RegistryTypeName + "'";
        }

        return null;
    }

    /// <summary>The name of a nested record's type: <c>{Property}Item</c>.</summary>
    public static string ItemTypeName(string propertyName) => propertyName + "Item";

    /// <summary>Null when <paramref name="name"/> is a usable field name; otherwise why not.</summary>
    public static string? CheckFieldName(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return "a field name starts with a letter or '_'";
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-'))
            {
                return "a field name has only letters, digits, '_' and '-'";
            }
        }

        var property = ToPascalCase(name);
        if (s_reservedMembers.Contains(property))
        {
            return "every generated record already has a member '" + property + "'";
        }

        return null;
    }

    /// <summary><c>publishedAt</c>, <c>published_at</c> and <c>published-at</c> all become <c>PublishedAt</c>.</summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c == '_' || c == '-')
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.Length == 0 ? "_" : builder.ToString();
    }

    /// <summary>The nearest candidate within two edits, or null (for "did you mean").</summary>
    public static string? Nearest(string key, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = 3;
        foreach (var candidate in candidates)
        {
            var distance = Distance(key.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static bool IsLowerCaseAscii(string name)
    {
        foreach (var c in name)
        {
            if (c < 'a' || c > 'z')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    // Optimal string alignment distance: a swap of two neighbours counts as one edit ("reqiured").
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
