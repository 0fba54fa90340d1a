using System;
using System.Collections.Generic;

namespace ScrapeDsl;

/// <summary>
/// The meaning of a rule's <c>match</c> block. Hosts match case-insensitively, exactly or as <c>*.example.com</c>
/// (any subdomain, not the bare domain). Path globs match the URL path segment by segment, case-sensitively (URL paths
/// are), on the decoded path (<c>/новости/*</c> matches <c>/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/1</c>):
/// <c>*</c> within one segment, <c>?</c> one character, <c>**</c> any number of whole segments. A URL matches when its
/// host matches (or no hosts are given), a path glob matches (or none are given) and no exclude glob matches. Matching
/// takes time proportional to glob length times path length, however many wildcards a glob has.
/// </summary>
public sealed class UrlPattern
{
    private readonly string[] _hosts;
    private readonly string[][] _paths;
    private readonly string[][] _exclude;

    /// <summary>Creates a pattern from the rule's lists.</summary>
    public UrlPattern(string[] hosts, string[] paths, string[] exclude)
    {
        _hosts = hosts;
        _paths = Array.ConvertAll(paths, Segments);
        _exclude = Array.ConvertAll(exclude, Segments);
    }

    /// <summary>True when the rule is for <paramref name="url"/>.</summary>
    public bool Matches(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return false;
        }

        if (_hosts.Length > 0 && !Array.Exists(_hosts, host => HostMatches(host, url.Host)))
        {
            return false;
        }

        var path = Segments(url.AbsolutePath);
        if (_paths.Length > 0 && !Array.Exists(_paths, glob => MatchSegments(glob, path)))
        {
            return false;
        }

        return !Array.Exists(_exclude, glob => MatchSegments(glob, path));
    }

    /// <summary>Host matching as described on the class.</summary>
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
    /// Path glob matching as described on the class; <paramref name="path"/> is a URL path as <see cref="Uri.AbsolutePath"/>
    /// gives it (percent-encoded or not). A trailing slash on the path is ignored (except for <c>/</c>).
    /// </summary>
    public static bool PathMatches(string glob, string path) => MatchSegments(Segments(glob), Segments(path));

    /// <summary>The host patterns, for diagnostics and docs.</summary>
    public IReadOnlyList<string> Hosts => _hosts;

    // Split first, then decode each segment, so an encoded '/' (%2F) stays inside its segment. Globs are decoded too,
    // so a glob may be written either way.
    private static string[] Segments(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Contains('%'))
            {
                segments[i] = Uri.UnescapeDataString(segments[i]);
            }
        }

        return segments;
    }

    // '**' is to segments what '*' is to characters; the same linear matcher (see WildcardMatches) serves both.
    private static bool MatchSegments(string[] glob, string[] path)
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
    // Earlier stars never need to be revisited (whatever they took, the last one can take instead), so the work is at
    // most glob length × text length instead of exponential backtracking.
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
