using System;

namespace ScrapeDsl.Dispatch;

// Shared source: compiled into the runtime (UrlPattern, dispatch at run time) and into the language library
// (UrlMatching, the build-time dispatch checks), so a rule's match block means one thing in both places.

/// <summary>Host patterns and path globs of a rule's <c>match</c> block.</summary>
internal static class UrlGlobs
{
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

    /// <summary>
    /// Path globs match the decoded path segment by segment, case-sensitively: <c>*</c> within one segment, <c>?</c> one
    /// character, <c>**</c> any number of segments; in time proportional to glob length times path length.
    /// </summary>
    public static bool PathMatches(string glob, string path) =>
        MatchSegments(Segments(glob), Segments(path));

    internal static string[] Split(string path) => path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);

    internal static bool SegmentMatches(string glob, string segment) => WildcardMatches(glob, segment);

    // Split first, then decode each segment, so an encoded '/' (%2F) stays inside its segment. Globs are decoded too.
    internal static string[] Segments(string path)
    {
        var segments = Split(path);
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].IndexOf('%') >= 0)
            {
                segments[i] = Uri.UnescapeDataString(segments[i]);
            }
        }

        return segments;
    }

    internal static bool MatchSegments(string[] glob, string[] path)
    {
        int g = 0, p = 0, star = -1, resume = 0;
        while (p < path.Length)
        {
            if (g < glob.Length && glob[g] == "**")
            {
                star = g++;
                resume = p;
            }
            else if (g < glob.Length && WildcardMatches(glob[g], path[p]))
            {
                g++;
                p++;
            }
            else if (star >= 0)
            {
                g = star + 1;
                p = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (g < glob.Length && glob[g] == "**")
        {
            g++;
        }

        return g == glob.Length;
    }

    // Greedy matching that remembers only the last '*': when a later part fails, that '*' takes one more character.
    // Earlier stars never need to be revisited, so the work is at most glob length × text length.
    private static bool WildcardMatches(string glob, string text)
    {
        int g = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (g < glob.Length && glob[g] == '*')
            {
                star = g++;
                resume = t;
            }
            else if (g < glob.Length && (glob[g] == '?' || glob[g] == text[t]))
            {
                g++;
                t++;
            }
            else if (star >= 0)
            {
                g = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (g < glob.Length && glob[g] == '*')
        {
            g++;
        }

        return g == glob.Length;
    }
}
