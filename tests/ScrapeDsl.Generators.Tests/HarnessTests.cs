using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ScrapeDsl.Generators.Tests.Driver;
using ScrapeDsl.Language;
using Xunit;

namespace ScrapeDsl.Generators.Tests;

/// <summary>The harness's guard against Roslyn types in step outputs finds them where a model could hide them.</summary>
public sealed class HarnessTests
{
    [Fact]
    public void Roslyn_type_walk_finds_a_roslyn_value_deep_in_a_model_and_a_roslyn_field_that_is_null()
    {
        var model = new Holder("rule", EquatableArray.From(new object[] { 1, new Holder("inner", EquatableArray.From(new object[] { new TextSpan(1, 2) }), null) }), null);

        var found = PipelineSteps.RoslynTypesIn(model, "model");

        Assert.Contains("model.Items._items[1].Items._items[0] is a Microsoft.CodeAnalysis.Text.TextSpan", found);
        Assert.Contains("model.Location is declared as Microsoft.CodeAnalysis.Location", found);
    }

    [Fact]
    public void Roslyn_type_walk_finds_nothing_in_a_parsed_rule()
    {
        var file = RuleReader.Read("rules/example.com/a.scrape.yaml", "name: A\nfields:\n  title: h1\n  feed: { css: a, many: true, fields: { url: { attr: href, type: url } } }\n");

        Assert.NotNull(file.Rule);
        Assert.Empty(PipelineSteps.RoslynTypesIn(file, "file"));
    }

    private sealed record Holder(string Name, EquatableArray<object> Items, Location? Location);
}
