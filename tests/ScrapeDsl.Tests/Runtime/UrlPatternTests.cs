using System;
using Xunit;

namespace ScrapeDsl.Tests.Runtime;

/// <summary>The <c>match</c> block: host wildcards, path globs and excludes decide which URLs a rule is for.</summary>
public class UrlPatternTests
{
    private static bool Matches(string url, string[] hosts, string[]? paths = null, string[]? exclude = null) =>
        new UrlPattern(hosts, paths ?? Array.Empty<string>(), exclude ?? Array.Empty<string>()).Matches(new Uri(url));

    [Theory]
    [InlineData("https://www.rbc.ru/", true)]
    [InlineData("https://sport.www.rbc.ru/", true)]
    [InlineData("https://rbc.ru/", false)]
    [InlineData("https://evilrbc.ru/", false)]
    [InlineData("https://rbc.ru.evil.com/", false)]
    public void Wildcard_host_matches_subdomains_but_not_the_bare_domain(string url, bool expected)
    {
        Assert.Equal(expected, Matches(url, new[] { "*.rbc.ru" }));
    }

    [Fact]
    public void Host_matching_ignores_case()
    {
        Assert.True(Matches("https://WWW.RBC.RU/", new[] { "www.rbc.ru" }));
    }

    [Theory]
    [InlineData("/politics/03/06/2025/683eb8659a7947eb72d0d6d9", true)]
    [InlineData("/politics/03/06/2025/683eb8659a7947eb72d0d6d9/", true)]
    [InlineData("/politics/03/06/2025", false)]
    [InlineData("/politics/03/06/2025/683eb865/extra", false)]
    public void Star_matches_exactly_one_whole_segment(string path, bool expected)
    {
        Assert.Equal(expected, Matches("https://www.rbc.ru" + path, new[] { "www.rbc.ru" }, new[] { "/*/*/*/*/*" }));
    }

    [Theory]
    [InlineData("/news/a.html", true)]
    [InlineData("/news/sub/a.html", false)]
    [InlineData("/news/a.htm", false)]
    public void Star_within_a_segment_does_not_cross_slashes(string path, bool expected)
    {
        Assert.Equal(expected, Matches("https://example.com" + path, Array.Empty<string>(), new[] { "/news/*.html" }));
    }

    [Theory]
    [InlineData("/wine", true)]
    [InlineData("/wine/news/683845389a7947b7e242e1ea", true)]
    [InlineData("/wine/29/05/2025/683845389a7947b7e242e1ea", true)]
    [InlineData("/winery/news", false)]
    public void Double_star_matches_any_number_of_segments_including_none(string path, bool expected)
    {
        Assert.Equal(expected, Matches("https://www.rbc.ru" + path, Array.Empty<string>(), new[] { "/wine/**" }));
    }

    [Theory]
    [InlineData("/p/a1", true)]
    [InlineData("/p/a12", false)]
    [InlineData("/p/a", false)]
    public void Question_mark_matches_exactly_one_character(string path, bool expected)
    {
        Assert.Equal(expected, Matches("https://example.com" + path, Array.Empty<string>(), new[] { "/p/a?" }));
    }

    [Fact]
    public void Exclude_wins_over_a_matching_path()
    {
        var hosts = new[] { "rbc.ru", "*.rbc.ru" };
        var paths = new[] { "/*/*/*/*/*" };
        var exclude = new[] { "/wine/**" };

        Assert.True(Matches("https://www.rbc.ru/politics/29/05/2025/68384e2e9a794738dc6a58db", hosts, paths, exclude));
        Assert.False(Matches("https://www.rbc.ru/wine/29/05/2025/683845389a7947b7e242e1ea", hosts, paths, exclude));
    }

    [Fact]
    public void Slash_glob_matches_only_the_root_path()
    {
        Assert.True(Matches("https://www.rbc.ru/", new[] { "www.rbc.ru" }, new[] { "/" }));
        Assert.True(Matches("https://www.rbc.ru", new[] { "www.rbc.ru" }, new[] { "/" }));
        Assert.False(Matches("https://www.rbc.ru/politics/", new[] { "www.rbc.ru" }, new[] { "/" }));
    }

    [Fact]
    public void Query_and_fragment_do_not_affect_the_path_match()
    {
        Assert.True(Matches("https://www.rbc.ru/?from=menu#top", new[] { "www.rbc.ru" }, new[] { "/" }));
    }

    [Fact]
    public void Empty_match_block_matches_any_absolute_url()
    {
        Assert.True(Matches("https://anything.example/any/path", Array.Empty<string>()));
    }

    [Fact]
    public void Relative_url_never_matches()
    {
        var pattern = new UrlPattern(Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>());

        Assert.False(pattern.Matches(new Uri("/politics/1", UriKind.Relative)));
    }

    [Theory]
    [InlineData("https://lenta.example/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/1")]
    [InlineData("https://lenta.example/новости/1")]
    public void A_glob_written_in_Cyrillic_matches_the_percent_encoded_url(string url)
    {
        Assert.True(Matches(url, Array.Empty<string>(), new[] { "/новости/*" }));
    }

    [Fact]
    public void A_percent_encoded_glob_matches_too()
    {
        Assert.True(Matches("https://lenta.example/новости/1", Array.Empty<string>(), new[] { "/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/*" }));
    }

    [Fact]
    public void An_encoded_slash_stays_inside_its_segment()
    {
        Assert.True(Matches("https://example.com/tags/a%2Fb", Array.Empty<string>(), new[] { "/tags/*" }));
        Assert.False(Matches("https://example.com/tags/a%2Fb", Array.Empty<string>(), new[] { "/tags/*/*" }));
    }

    [Theory]
    [InlineData("/news/a", true)]
    [InlineData("/NEWS/a", false)]
    [InlineData("/News/a", false)]
    public void Path_globs_are_case_sensitive(string path, bool expected)
    {
        Assert.Equal(expected, Matches("https://EXAMPLE.com" + path, new[] { "example.com" }, new[] { "/news/*" }));
    }

    [Theory]
    [InlineData("/a/b/c/d", "/**/b/**/d", true)]
    [InlineData("/a/b/c/d", "/**/**/**/d", true)]
    [InlineData("/a/b/c/d", "/**/c", false)]
    [InlineData("/abcabcabd", "/*abc*abd", true)]
    [InlineData("/abcabcab", "/*abc*abd", false)]
    [InlineData("/a*b", "/a*b", true)]
    [InlineData("/x", "/**/**", true)]
    [InlineData("/", "/**", true)]
    public void Stars_and_double_stars_backtrack_correctly(string path, string glob, bool expected)
    {
        Assert.Equal(expected, UrlPattern.PathMatches(glob, path));
    }

    [Fact]
    public void A_glob_full_of_wildcards_is_matched_in_linear_time()
    {
        // Exponential backtracking would take longer than the universe's age on these; the matcher is linear.
        var segment = new string('a', 200);
        var manyStars = "/" + string.Concat(System.Linq.Enumerable.Repeat("*a", 60)) + "b";
        var manyDoubleStars = "/" + string.Join("/", System.Linq.Enumerable.Repeat("**/a", 40)) + "/b";
        var deepPath = "/" + string.Join("/", System.Linq.Enumerable.Repeat("a", 200));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        Assert.False(UrlPattern.PathMatches(manyStars, "/" + segment));
        Assert.False(UrlPattern.PathMatches(manyDoubleStars, deepPath));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
    }
}
