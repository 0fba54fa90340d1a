using System;
using System.Collections.Generic;
using ScrapeDsl.Dispatch;

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
        _paths = Array.ConvertAll(paths, UrlGlobs.Segments);
        _exclude = Array.ConvertAll(exclude, UrlGlobs.Segments);
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

        var path = UrlGlobs.Segments(url.AbsolutePath);
        if (_paths.Length > 0 && !Array.Exists(_paths, glob => UrlGlobs.MatchSegments(glob, path)))
        {
            return false;
        }

        return !Array.Exists(_exclude, glob => UrlGlobs.MatchSegments(glob, path));
    }

    /// <summary>Host matching as described on the class.</summary>
    public static bool HostMatches(string pattern, string host) => UrlGlobs.HostMatches(pattern, host);

    /// <summary>
    /// Path glob matching as described on the class; <paramref name="path"/> is a URL path as <see cref="Uri.AbsolutePath"/>
    /// gives it (percent-encoded or not). A trailing slash on the path is ignored (except for <c>/</c>).
    /// </summary>
    public static bool PathMatches(string glob, string path) => UrlGlobs.PathMatches(glob, path);

    /// <summary>The host patterns, for diagnostics and docs.</summary>
    public IReadOnlyList<string> Hosts => _hosts;
}
