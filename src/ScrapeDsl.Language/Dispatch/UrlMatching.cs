using System;
using ScrapeDsl.Dispatch;

namespace ScrapeDsl.Language;

/// <summary>
/// The meaning of a rule's <c>match</c> block, for the build-time checks. The globs are shared source with the runtime's
/// <c>UrlPattern</c> (src/Shared/UrlGlobs.cs); a test still runs both on the same URLs and demands the same answers.
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

    /// <summary>True when the rule's <c>match</c> accepts a URL with this host and path (as <see cref="Uri.AbsolutePath"/> gives it).</summary>
    public static bool Matches(UrlMatch match, string host, string path)
    {
        if (match.Hosts.Count > 0 && !Any(match.Hosts, pattern => HostMatches(pattern, host)))
        {
            return false;
        }

        var segments = Segments(path);
        if (match.Paths.Count > 0 && !Any(match.Paths, glob => MatchSegments(Segments(glob), segments)))
        {
            return false;
        }

        return !Any(match.Exclude, glob => MatchSegments(Segments(glob), segments));
    }

    /// <summary>Hosts match case-insensitively, exactly or as <c>*.example.com</c> (any subdomain, not the bare domain).</summary>
    public static bool HostMatches(string pattern, string host) => UrlGlobs.HostMatches(pattern, host);

    /// <summary>
    /// Path globs match the decoded path segment by segment, case-sensitively: <c>*</c> within one segment, <c>?</c> one
    /// character, <c>**</c> any number of segments; in time proportional to glob length times path length.
    /// </summary>
    public static bool PathMatches(string glob, string path) => UrlGlobs.PathMatches(glob, path);

    internal static string[] Split(string path) => UrlGlobs.Split(path);

    internal static bool SegmentMatches(string glob, string segment) => UrlGlobs.SegmentMatches(glob, segment);

    private static string[] Segments(string path) => UrlGlobs.Segments(path);

    private static bool MatchSegments(string[] glob, string[] path) => UrlGlobs.MatchSegments(glob, path);

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

    // '**' is to segments what '*' is to characters; the same linear matcher (see WildcardMatches) serves both.
}
