using System;
using System.Collections.Generic;
using ScrapeDsl.Dispatch;

namespace ScrapeDsl.Language;

/// <summary>
/// Finds a URL that two <c>match</c> blocks both accept. The search builds candidate URLs from the two rules' own
/// hosts and globs (each wildcard filled with a word of either rule, or a neutral one) and keeps the first that both
/// accept: a reported overlap always comes with a real example URL, never a false alarm. It can miss an overlap
/// that needs a segment neither rule spells out; very long globs are not searched (bounded work in the build).
/// </summary>
public static class DispatchOverlap
{
    private const string Neutral = "x";
    private const int MaxCandidatesPerGlob = 512;
    private const int MaxGlobLength = 200;

    /// <summary>An absolute URL both rules accept, or null when none was found.</summary>
    public static string? FindSharedUrl(UrlMatch a, UrlMatch b)
    {
        if (!IsBounded(a) || !IsBounded(b))
        {
            return null;
        }

        var hosts = SharedHosts(a, b);
        if (hosts.Count == 0 || !PathsCanMeet(a, b))
        {
            return null;
        }

        var words = Words(a, b);
        foreach (var path in CandidatePaths(a, b, words))
        {
            foreach (var host in hosts)
            {
                if (UrlMatching.Matches(a, host, path) && UrlMatching.Matches(b, host, path))
                {
                    return "https://" + host + path;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// True when every glob of the block is short enough to build candidate URLs from: candidates are built segment by
    /// segment (one nested step per segment), and a garbled rule must not stall the build. Matching itself is linear
    /// (<see cref="UrlMatching"/>), so any number of wildcards is fine. A limit of this search only: SCR021 and the
    /// runtime's <c>UrlPattern</c> match any glob; an overlap of rules with longer globs is simply not reported.
    /// </summary>
    internal static bool IsBounded(UrlMatch match)
    {
        foreach (var list in new[] { match.Paths, match.Exclude })
        {
            foreach (var glob in list)
            {
                if (glob.Length > MaxGlobLength)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// False when no path matches a path glob of both blocks, told from their literal parts alone: then no URL is shared
    /// and the search, which would try every candidate to find none, is skipped. Two rules of one site usually differ in a
    /// literal segment (<c>/news/*</c>, <c>/video/*</c>) or in their number of segments. True means only "maybe".
    /// </summary>
    internal static bool PathsCanMeet(UrlMatch a, UrlMatch b)
    {
        if (a.Paths.Count == 0 || b.Paths.Count == 0)
        {
            return true;
        }

        foreach (var globA in a.Paths)
        {
            var segmentsA = UrlGlobs.Segments(globA);
            foreach (var globB in b.Paths)
            {
                if (!GlobsDisjoint(segmentsA, UrlGlobs.Segments(globB)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Segments are matched in order; '**' takes any number of segments (none too). Before the first '**' of either glob,
    // both globs speak of the same path segment; after the last '**' of each, both speak of the path's last segments.
    private static bool GlobsDisjoint(string[] a, string[] b)
    {
        int firstA = Array.IndexOf(a, "**"), firstB = Array.IndexOf(b, "**");
        int lastA = Array.LastIndexOf(a, "**"), lastB = Array.LastIndexOf(b, "**");
        var prefix = Math.Min(firstA < 0 ? a.Length : firstA, firstB < 0 ? b.Length : firstB);
        for (var k = 0; k < prefix; k++)
        {
            if (SegmentsDisjoint(a[k], b[k]))
            {
                return true;
            }
        }

        var suffix = Math.Min(a.Length - 1 - lastA, b.Length - 1 - lastB);
        for (var k = 1; k <= suffix; k++)
        {
            if (SegmentsDisjoint(a[a.Length - k], b[b.Length - k]))
            {
                return true;
            }
        }

        // Without '**' a glob matches paths of exactly its length; with, of at least its other segments' number.
        var minA = a.Length - Count(a, "**");
        var minB = b.Length - Count(b, "**");
        return (firstA < 0 && (firstB < 0 ? a.Length != b.Length : a.Length < minB))
            || (firstB < 0 && firstA >= 0 && b.Length < minA);
    }

    // Within a segment '*' takes any run of characters and '?' one: two segments match no common text when their literal
    // beginnings (before the first wildcard) or endings (after the last) disagree.
    private static bool SegmentsDisjoint(string a, string b)
    {
        var wildcards = new[] { '*', '?' };
        int firstA = a.IndexOfAny(wildcards), firstB = b.IndexOfAny(wildcards);
        if (firstA < 0 && firstB < 0)
        {
            return !string.Equals(a, b, StringComparison.Ordinal);
        }

        var startA = firstA < 0 ? a : a.Substring(0, firstA);
        var startB = firstB < 0 ? b : b.Substring(0, firstB);
        if (!startA.StartsWith(startB, StringComparison.Ordinal) && !startB.StartsWith(startA, StringComparison.Ordinal))
        {
            return true;
        }

        var endA = firstA < 0 ? a : a.Substring(a.LastIndexOfAny(wildcards) + 1);
        var endB = firstB < 0 ? b : b.Substring(b.LastIndexOfAny(wildcards) + 1);
        return !endA.EndsWith(endB, StringComparison.Ordinal) && !endB.EndsWith(endA, StringComparison.Ordinal);
    }

    private static int Count(string[] segments, string value)
    {
        var count = 0;
        foreach (var segment in segments)
        {
            if (segment == value)
            {
                count++;
            }
        }

        return count;
    }

    private static List<string> SharedHosts(UrlMatch a, UrlMatch b)
    {
        var candidates = new List<string>();
        foreach (var match in new[] { a, b })
        {
            foreach (var host in match.Hosts)
            {
                candidates.Add(host.StartsWith("*.", StringComparison.Ordinal) ? "www" + host.Substring(1) : host);
            }
        }

        if (candidates.Count == 0)
        {
            candidates.Add("example.com");
        }

        var shared = new List<string>();
        foreach (var host in candidates)
        {
            if (Accepts(a.Hosts, host) && Accepts(b.Hosts, host) && !shared.Contains(host))
            {
                shared.Add(host);
            }
        }

        return shared;
    }

    private static bool Accepts(EquatableArray<string> hosts, string host)
    {
        if (hosts.Count == 0)
        {
            return true;
        }

        foreach (var pattern in hosts)
        {
            if (UrlMatching.HostMatches(pattern, host))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The literal segments both rules write (e.g. "wine", "news"), plus a neutral word.</summary>
    private static List<string> Words(UrlMatch a, UrlMatch b)
    {
        var words = new List<string> { Neutral };
        foreach (var match in new[] { a, b })
        {
            foreach (var list in new[] { match.Paths, match.Exclude })
            {
                foreach (var glob in list)
                {
                    foreach (var segment in UrlMatching.Split(glob))
                    {
                        if (segment.IndexOfAny(new[] { '*', '?' }) < 0 && !words.Contains(segment) && words.Count < 8)
                        {
                            words.Add(segment);
                        }
                    }
                }
            }
        }

        return words;
    }

    private static IEnumerable<string> CandidatePaths(UrlMatch a, UrlMatch b, List<string> words)
    {
        var globs = new List<string>();
        globs.AddRange(a.Paths);
        globs.AddRange(b.Paths);
        if (globs.Count == 0)
        {
            globs.Add("/**");
        }

        foreach (var glob in globs)
        {
            var segments = UrlMatching.Split(glob);
            var produced = 0;
            foreach (var path in Expand(segments, 0, new List<string>(), words))
            {
                yield return path;
                if (++produced >= MaxCandidatesPerGlob)
                {
                    break;
                }
            }
        }
    }

    private static IEnumerable<string> Expand(string[] segments, int index, List<string> prefix, List<string> words)
    {
        if (index == segments.Length)
        {
            yield return "/" + string.Join("/", prefix);
            yield break;
        }

        var segment = segments[index];
        if (segment == "**")
        {
            // Zero, one or two segments, each any word.
            foreach (var path in Expand(segments, index + 1, prefix, words))
            {
                yield return path;
            }

            foreach (var first in words)
            {
                prefix.Add(first);
                foreach (var path in Expand(segments, index + 1, prefix, words))
                {
                    yield return path;
                }

                foreach (var second in words)
                {
                    prefix.Add(second);
                    foreach (var path in Expand(segments, index + 1, prefix, words))
                    {
                        yield return path;
                    }

                    prefix.RemoveAt(prefix.Count - 1);
                }

                prefix.RemoveAt(prefix.Count - 1);
            }

            yield break;
        }

        foreach (var choice in Fill(segment, words))
        {
            prefix.Add(choice);
            foreach (var path in Expand(segments, index + 1, prefix, words))
            {
                yield return path;
            }

            prefix.RemoveAt(prefix.Count - 1);
        }
    }

    /// <summary>The values tried for one glob segment: itself when literal, else the words it matches and a filled-in form.</summary>
    private static IEnumerable<string> Fill(string segment, List<string> words)
    {
        if (segment.IndexOfAny(new[] { '*', '?' }) < 0)
        {
            yield return segment;
            yield break;
        }

        var filled = segment.Replace("*", Neutral).Replace("?", Neutral);
        yield return filled;
        foreach (var word in words)
        {
            if (word != filled && UrlMatching.SegmentMatches(segment, word))
            {
                yield return word;
            }
        }
    }
}
