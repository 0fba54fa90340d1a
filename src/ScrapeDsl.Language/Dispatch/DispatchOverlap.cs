using System;
using System.Collections.Generic;

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
        if (hosts.Count == 0)
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
