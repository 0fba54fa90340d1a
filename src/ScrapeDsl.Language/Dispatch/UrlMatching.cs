using System;

namespace ScrapeDsl.Language;

/// <summary>
/// The meaning of a rule's <c>match</c> block, for the build-time checks. A copy of the runtime's <c>UrlPattern</c>
/// (src/ScrapeDsl/Dispatch/UrlPattern.cs), which this netstandard2.0 library cannot reference; a test runs both on
/// the same URLs and demands the same answers, so change them together.
/// </summary>
public static class UrlMatching
{
    /// <summary>True when the rule's <c>match</c> accepts <paramref name="url"/>.</summary>
    public static bool Matches(UrlMatch match, Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return false;
        }

        return Matches(match, url.Host, url.AbsolutePath);
    }

    /// <summary>True when the rule's <c>match</c> accepts a URL with this host and path.</summary>
    public static bool Matches(UrlMatch match, string host, string path)
    {
        if (match.Hosts.Count > 0 && !Any(match.Hosts, pattern => HostMatches(pattern, host)))
        {
            return false;
        }

        if (match.Paths.Count > 0 && !Any(match.Paths, glob => PathMatches(glob, path)))
        {
            return false;
        }

        return !Any(match.Exclude, glob => PathMatches(glob, path));
    }

    /// <summary>Hosts match case-insensitively, exactly or as <c>*.example.com</c> (any subdomain, not the bare domain).</summary>
    public static bool HostMatches(string pattern, string host)
    {
        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            var suffix = pattern.Substring(1);
            return host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Path globs match segment by segment: <c>*</c> within one segment, <c>?</c> one character, <c>**</c> any number of segments.</summary>
    public static bool PathMatches(string glob, string path) =>
        MatchSegments(Split(glob), 0, Split(path), 0);

    internal static string[] Split(string path) => path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);

    internal static bool SegmentMatches(string glob, string segment) => WildcardMatches(glob, 0, segment, 0);

    private static bool Any(EquatableArray<string> values, Func<string, bool> predicate)
    {
        foreach (var value in values)
        {
            if (predicate(value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchSegments(string[] glob, int g, string[] path, int p)
    {
        while (g < glob.Length)
        {
            if (glob[g] == "**")
            {
                for (var skip = p; skip <= path.Length; skip++)
                {
                    if (MatchSegments(glob, g + 1, path, skip))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (p >= path.Length || !SegmentMatches(glob[g], path[p]))
            {
                return false;
            }

            g++;
            p++;
        }

        return p == path.Length;
    }

    private static bool WildcardMatches(string glob, int g, string text, int t)
    {
        while (g < glob.Length)
        {
            var c = glob[g];
            if (c == '*')
            {
                for (var skip = t; skip <= text.Length; skip++)
                {
                    if (WildcardMatches(glob, g + 1, text, skip))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (t >= text.Length || (c != '?' && char.ToLowerInvariant(c) != char.ToLowerInvariant(text[t])))
            {
                return false;
            }

            g++;
            t++;
        }

        return t == text.Length;
    }
}
