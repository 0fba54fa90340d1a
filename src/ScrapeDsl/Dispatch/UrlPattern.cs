using System;
using System.Collections.Generic;

namespace ScrapeDsl;

/// <summary>
/// The meaning of a rule's <c>match</c> block. Hosts match case-insensitively, exactly or as <c>*.example.com</c>
/// (any subdomain, not the bare domain). Path globs match the URL path segment by segment: <c>*</c> within one
/// segment, <c>?</c> one character, <c>**</c> any number of whole segments. A URL matches when its host matches
/// (or no hosts are given), a path glob matches (or none are given) and no exclude glob matches.
/// </summary>
public sealed class UrlPattern
{
    private readonly string[] _hosts;
    private readonly string[] _paths;
    private readonly string[] _exclude;

    /// <summary>Creates a pattern from the rule's lists.</summary>
    public UrlPattern(string[] hosts, string[] paths, string[] exclude)
    {
        _hosts = hosts;
        _paths = paths;
        _exclude = exclude;
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

        var path = url.AbsolutePath;
        if (_paths.Length > 0 && !Array.Exists(_paths, glob => PathMatches(glob, path)))
        {
            return false;
        }

        return !Array.Exists(_exclude, glob => PathMatches(glob, path));
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

    /// <summary>Path glob matching as described on the class; a trailing slash on the path is ignored (except for <c>/</c>).</summary>
    public static bool PathMatches(string glob, string path)
    {
        var globSegments = Split(glob);
        var pathSegments = Split(path);
        return MatchSegments(globSegments, 0, pathSegments, 0);
    }

    private static string[] Split(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static bool MatchSegments(string[] glob, int g, string[] path, int p)
    {
        while (g < glob.Length)
        {
            if (glob[g] == "**")
            {
                // '**' takes any number of segments: try each split point (globs are short).
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

    private static bool SegmentMatches(string glob, string segment) => WildcardMatches(glob, 0, segment, 0);

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

    /// <summary>The host patterns, for diagnostics and docs.</summary>
    public IReadOnlyList<string> Hosts => _hosts;
}
