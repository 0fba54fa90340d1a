using System;
using System.Linq;
using ScrapeDsl.Generators.Tests.Driver;
using Xunit;

namespace ScrapeDsl.Generators.Tests;

/// <summary>
/// A rule's description becomes the record's XML doc comment. Whatever text it holds, the comment is well-formed XML
/// (CS1570 is an error under TreatWarningsAsErrors, and it would point at generated code, not at the YAML) and stays
/// on its <c>///</c> line.
/// </summary>
public sealed class DocCommentTests
{
    [Fact]
    public void A_description_with_characters_XML_forbids_and_line_breaks_compiles_without_diagnostics()
    {
        // YAML escapes: \u0001 and \0 (control characters), \uFFFE (a noncharacter), \N, \L and \P (U+0085, U+2028 and
        // U+2029, which end a C# line as \r and \n do), then text XML and C# take as it is (a lone surrogate is a YAML
        // syntax error already).
        var run = GeneratorHarness.Run(new[]
        {
            RuleTexts.Inline("rules/example.com/article.scrape.yaml", """
                name: Article
                description: "bad \u0001 char, \0, \uFFFE;\N class Oops {}\L x\P y\r\n z; <b> & \"quoted\"\t\u00e9 \U0001F600 \x7F\x80"
                fields:
                  title: h1

                """),
        });

        Assert.Empty(run.Diagnostics);
        run.AssertOutputCompilesCleanly();
        var summary = run.Sources["Article.g.cs"].Split('\n').Single(line => line.Contains("/// <summary>bad", StringComparison.Ordinal));
        Assert.Equal(
            "    /// <summary>bad \uFFFD char, \uFFFD, \uFFFD;  class Oops {}  x  y   z; &lt;b&gt; &amp; \"quoted\"\t\u00e9 \U0001F600 \x7F\x80</summary>",
            summary);
    }
}
