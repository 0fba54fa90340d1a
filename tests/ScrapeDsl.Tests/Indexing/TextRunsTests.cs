using System;
using System.Text;
using Xunit;

namespace ScrapeDsl.Tests.Indexing;

/// <summary>Text is collapsed by a scalar pass with an ASCII shortcut; the result must be what char.IsWhiteSpace on each character gives.</summary>
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
