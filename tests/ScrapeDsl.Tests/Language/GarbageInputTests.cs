using System;
using System.Linq;
using System.Text;
using Xunit;

namespace ScrapeDsl.Tests.Language;

using ScrapeDsl.Language;

/// <summary>The reader runs inside the compiler and the editor: no input may make it throw, hang or overflow the stack.</summary>
public class GarbageInputTests
{
    private static readonly string[] s_yamlTokens =
    {
        "[", "]", "{", "}", ":", ": ", "- ", "&a ", "*a", "!!str ", "!x ", "|", ">", "'", "\"", "\n", "  ", "#", "? ",
        "%YAML 1.2\n", "%TAG ! tag:x,2000:\n", "---\n", "...\n", "name", "fields", "css", "\t", "\r\n", "\uFEFF", "\0",
        "\\", "@", "`", ",", "x", "\u2028", "\uD800", "<<: ", "|-\n", ">+2\n", "\"\\u12\"", "!<tag:a> ", "\u0085", "\r",
    };

    [Fact]
    public void Random_bytes_are_reported_not_thrown()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var bytes = new byte[random.Next(0, 4000)];
            random.NextBytes(bytes);
            foreach (var text in new[] { Encoding.UTF8.GetString(bytes), Encoding.Latin1.GetString(bytes) })
            {
                var file = RuleText.Read(text);
                Assert.True(file.HasErrors, $"seed {seed}: garbage read as a valid rule");
            }
        }
    }

    [Fact]
    public void Random_soup_of_yaml_tokens_never_throws()
    {
        for (var seed = 0; seed < 5000; seed++)
        {
            var random = new Random(seed);
            var text = new StringBuilder();
            for (var i = random.Next(1, 60); i > 0; i--)
            {
                text.Append(s_yamlTokens[random.Next(s_yamlTokens.Length)]);
            }

            var exception = Record.Exception(() => RuleText.Read(text.ToString()));
            Assert.True(exception is null, $"seed {seed}: {exception}");
        }
    }

    [Theory]
    [InlineData("...\nx")]
    [InlineData("name: A\nfields:\n  title: h1\n...\nname: B")]
    public void Text_after_a_document_end_marker_is_reported_not_thrown(string text)
    {
        // YamlDotNet 16 throws InvalidOperationException here rather than a YamlException.
        var file = RuleText.Read(text);

        Assert.True(file.HasErrors);
        Assert.Null(file.Rule);
    }

    [Theory]
    [InlineData('[')]
    [InlineData('{')]
    public void Ten_thousand_open_brackets_are_reported_as_too_deep(char bracket)
    {
        var error = RuleText.Single(new string(bracket, 10_000), "SCR001");

        Assert.Contains("nested more than 64 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Thousand_nested_block_mappings_are_reported_as_too_deep()
    {
        var text = string.Concat(Enumerable.Range(0, 1_000).Select(i => new string(' ', i) + "a:\n"));

        var error = RuleText.Single(text, "SCR001");

        Assert.Contains("nested more than 64 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_megabyte_selector_on_one_line_is_read()
    {
        var selector = new string('x', 1 << 20);
        var rule = RuleText.Valid("name: Article\nfields:\n  title: " + selector + "\n");

        Assert.Equal(selector.Length, rule.Fields[0].Sources[0].Css!.Text.Length);
    }

    [Fact]
    public void One_megabyte_key_is_reported_not_thrown()
    {
        var file = RuleText.Read(new string('k', 1 << 20) + ": value\n");

        Assert.Contains(file.Diagnostics, d => d.Id == "SCR001");
    }

    [Fact]
    public void Null_text_is_read_as_an_empty_file()
    {
        var file = RuleReader.Read(RuleText.Path, null!);

        Assert.Equal("SCR004", Assert.Single(file.Diagnostics).Id);
    }
}
