using System;
using System.Text;
using Xunit;

namespace ScrapeDsl.Tests.Indexing;

/// <summary>Text is collapsed by a vectorized phrase search with a scalar tail; the result must be what char.IsWhiteSpace on each character gives.</summary>
public class TextRunsTests
{
    [Fact]
    public void Whitespace_runs_collapse_exactly_as_char_IsWhiteSpace_says()
    {
        var alphabet = "ab Я\u00A0\t\n\r\u2003\u3000\u200B\u2060\u0085\u1680x\uD83D\uDE00 ";
        var random = new Random(7);
        for (var n = 0; n < 5000; n++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 30); i > 0; i--)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            var input = text.ToString();
            Assert.Equal(Reference(input), TextContent.NormalizeInline(input));
        }
    }

    [Fact]
    public void Long_phrases_end_at_any_whitespace_anywhere_in_a_vector()
    {
        // Mostly words and single spaces, as prose is, so phrases span many vectors; every kind of whitespace (and the
        // CJK, Cyrillic and Latin-1 letters that sit near them in value) lands at every offset of a vector.
        var letters = "abcdefЯжü中\u1681\u2027\u2030\u00A1\u0084";
        var whiteSpace = "\u00A0\t\n\r\u2003\u3000\u0085\u1680\u2028\u2029\u202F\u205F\u200A\u2000\u000B\u000C  ";
        var random = new Random(11);
        for (var n = 0; n < 20000; n++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 120); i > 0; i--)
            {
                var roll = random.Next(100);
                text.Append(roll < 3 ? whiteSpace[random.Next(whiteSpace.Length)] : roll < 18 ? ' ' : letters[random.Next(letters.Length)]);
            }

            var input = text.ToString();
            Assert.Equal(Reference(input), TextContent.NormalizeInline(input));
        }
    }

    [Fact]
    public void Every_whitespace_character_separates_words()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            var input = "a" + (char)c + "b";
            Assert.Equal(Reference(input), TextContent.NormalizeInline(input));

            // The same character inside a phrase long enough for the vectorized search.
            var phrase = "one two three four " + (char)c + "five six seven eight nine";
            Assert.Equal(Reference(phrase), TextContent.NormalizeInline(phrase));
        }
    }

    private static string Reference(string value)
    {
        var builder = new StringBuilder();
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (builder.Length > 0 && pendingSpace)
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
