using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace ScrapeDsl.Tests.Runtime;

/// <summary>
/// <c>regex</c> cuts its group out of the value by position, trimmed, and <c>split</c> enumerates pieces without building
/// Split's array when the pattern has no groups; both must give exactly what <c>Match.Groups</c> and <c>Regex.Split</c> give
/// (each piece trimmed, empty ones dropped), and a timeout must still give nothing.
/// </summary>
public class RegexTransformTests
{
    private static readonly Page Page = TestPage.Parse("<p>x</p>");

    private static readonly string[] Values =
    {
        "", " ", "Politik · Jochen Bittner, Tina Hildebrandt", "by JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL",
        "Курс евро на 4 июня / EUR ЦБ: 89,93 (-0,45)", "a,b,,c, ,d", ",lead,trail,", "abcdefghijkl", "x y\tz\n",
    };

    [Theory]
    [InlineData(@"^(.*?)\s*·", 1)]
    [InlineData(@"^(?i:by)\s+(.*)$", 1)]
    [InlineData(@"ЦБ:\s*([\d\s]+,\d+)", 1)]
    [InlineData(@"(\d+)|([a-z]+)", 2)]                        // the group does not take part when the first branch matches
    [InlineData(@"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)", 12)] // two digits: ${12}, not $1 followed by 2
    [InlineData(@"(x)?y", 1)]
    [InlineData(@"\w+", 0)]
    [InlineData(@"(\w)", 3)]                                  // a group the pattern does not have
    [InlineData(@"(?<name>\w+)\s", 1)]
    public void Regex_gives_what_Match_Groups_gives(string pattern, int group)
    {
        var transform = Transform.RegexExtract(pattern, group);
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        foreach (var value in Values)
        {
            var match = regex.Match(value);
            var expected = match.Success && match.Groups[group].Success && match.Groups[group].Value.Trim() is { Length: > 0 } text
                ? new[] { text }
                : Array.Empty<string>();

            Assert.Equal(expected, Apply(transform, value));
        }
    }

    [Theory]
    [InlineData(@",\s*|\s+und\s+")]
    [InlineData(@",")]
    [InlineData(@"\s*")]         // empty matches split between every character
    [InlineData(@"(,)")]         // with a group Regex.Split also returns the separators
    [InlineData(@"(?:,)|(y)")]
    public void Split_gives_what_Regex_Split_gives(string pattern)
    {
        var transform = Transform.Split(pattern);
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        var random = new Random(3);
        var texts = Values.Concat(Enumerable.Range(0, 500).Select(_ => RandomText(random)));
        foreach (var value in texts)
        {
            var expected = regex.Split(value).Select(part => part.Trim()).Where(part => part.Length > 0).ToArray();

            Assert.Equal(expected, Apply(transform, value));
        }
    }

    [Fact]
    public void A_split_that_times_out_gives_no_pieces_even_after_finding_some()
    {
        // The first two separators are found at once; the third alternative then backtracks past the timeout.
        var transform = Transform.Split(@",|(?:a|aa)+b");
        var value = "x,y," + new string('a', 40) + "c";

        Assert.Empty(Apply(transform, value, TestPage.Parse("<p>x</p>")));
        Assert.Equal(new[] { "x", "y", "z" }, Apply(transform, "x,y,z", TestPage.Parse("<p>x</p>"))); // a page where it did not time out (RegexTimeoutTests)
    }

    private static List<string> Apply(Transform transform, string value, Page? page = null)
    {
        var output = new List<string> { "before" };
        transform.Apply(value, page ?? Page, output);
        Assert.Equal("before", output[0]);
        output.RemoveAt(0);
        return output;
    }

    private static string RandomText(Random random)
    {
        const string alphabet = "ab y,, \t\u00A0und";
        var text = new StringBuilder();
        for (var i = random.Next(0, 25); i > 0; i--)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }
}
