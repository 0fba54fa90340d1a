using System;
using System.Collections.Generic;
using System.Linq;
using ScrapeDsl.Language;
using Xunit;

namespace ScrapeDsl.Tests.Language2;

public sealed class LanguageDiagnosticsTests
{
    private static RuleDiagnostic Single(string yaml)
    {
        var file = RuleReader.Read("rules/x/t.scrape.yaml", yaml);
        return Assert.Single(file.Diagnostics);
    }

    [Theory]
    [InlineData("[ { regex: '(' } ]", "SCR040", 5)]
    [InlineData("[ { number: xx-NOPE } ]", "SCR041", 5)]
    [InlineData("[ { date: 'dd.MM.yyyy HH:mm', timeZone: Mars/Olympus } ]", "SCR042", 5)]
    [InlineData("[ { date: 'dd MMM', timeZone: UTC } ]", "SCR044", 5)]
    [InlineData("[ { date: 'dd.MM.yyyy HH:mm' } ]", "SCR045", 5)]
    [InlineData("[ { date: [ 'dd.MM.yyyy', 'dd.MM.yyyy h:mm tt' ] } ]", "SCR045", 5)]
    [InlineData("[ { split: ',' } ]", "SCR046", 5)]
    [InlineData("[ { strip: x } ]", "SCR002", 5)]
    public void Bad_transforms_are_reported_at_their_line(string transform, string id, int line)
    {
        var diagnostic = Single("name: T\nfields:\n  a:\n    css: p\n    transform: " + transform + "\n");
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(line, diagnostic.Span.StartLine);
    }

    [Theory]
    [InlineData("type: date")]
    [InlineData("type: string")]
    [InlineData("many: true")]
    public void A_format_without_a_time_of_day_needs_no_time_zone_outside_datetime_fields(string setting)
    {
        var file = RuleReader.Read("t.scrape.yaml", "name: T\nfields:\n  a:\n    css: p\n    " + setting + "\n    transform: [ { date: 'd MMMM yyyy', culture: ru-RU } ]\n");

        Assert.Empty(file.Diagnostics);
    }

    [Fact]
    public void A_format_without_a_time_of_day_on_a_datetime_field_needs_the_zone_of_its_midnight()
    {
        var diagnostic = Single("name: T\nfields:\n  a:\n    css: p\n    type: datetime\n    fallback:\n      - { css: q, transform: [ { date: 'dd.MM.yyyy' } ] }\n");

        Assert.Equal("SCR045", diagnostic.Id);
        Assert.Equal(7, diagnostic.Span.StartLine);
        Assert.Contains("datetime field 'a' needs the zone its midnight is in", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("YYYY-MM-DD", "'Y' is not a .NET date letter")]      // valid for .NET, which reads Y and D as text to find
    [InlineData("yyyy-MM-DD", "'D' is not a .NET date letter")]
    [InlineData("yyyy-mm-dd", "'m' is the minute, and the format has no hour")] // a date whose month is always January
    public void Date_letters_of_other_syntaxes_are_named(string format, string hint)
    {
        var diagnostic = Single("name: T\nfields:\n  a:\n    css: p\n    type: date\n    transform: [ { date: '" + format + "' } ]\n");

        Assert.Equal("SCR043", diagnostic.Id);
        Assert.Contains(hint, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yyyy-MM-dd")]
    [InlineData("'Day' d MMMM yyyy")]                 // quoted letters are text
    [InlineData("d MMM yyyy, HH:mm")]                 // minutes with an hour
    public void Date_formats_that_say_what_they_mean_are_not_named(string format) =>
        Assert.Empty(RuleReader.Read("t.scrape.yaml", "name: T\nfields:\n  a:\n    css: p\n    type: date\n    transform: [ { date: \"" + format + "\", culture: en-US, timeZone: UTC } ]\n").Diagnostics);

    [Fact]
    public void Two_source_kinds_in_one_source_conflict() =>
        Assert.Equal("SCR013", Single("name: T\nfields:\n  a: { css: p, meta: og:title }\n").Id);

    private static List<RuleDiagnostic> Resolve(params (string Path, string Text)[] files) =>
        RuleResolver.Resolve(files.Select(f => RuleReader.Read(f.Path, f.Text)).ToList()).Diagnostics.ToList();

    [Fact]
    public void Extends_of_a_missing_file_is_reported_at_the_extends_line()
    {
        var diagnostic = Assert.Single(Resolve(("r/a.scrape.yaml", "name: A\nextends: ./_nope.scrape.yaml\nfields: { t: h1 }\n")));
        Assert.Equal(("SCR047", 2), (diagnostic.Id, diagnostic.Span.StartLine));
    }

    [Fact]
    public void An_extends_cycle_is_reported()
    {
        var diagnostics = Resolve(
            ("r/a.scrape.yaml", "name: A\nextends: ./_b.scrape.yaml\nfields: { t: h1 }\n"),
            ("r/_b.scrape.yaml", "extends: ./_c.scrape.yaml\nremove: [.x]\n"),
            ("r/_c.scrape.yaml", "extends: ./_b.scrape.yaml\nremove: [.y]\n"));
        Assert.Contains(diagnostics, d => d.Id == "SCR048" && d.Path == "r/a.scrape.yaml");
    }

    [Fact]
    public void Extends_merges_remove_lists_and_fields_own_fields_first()
    {
        var result = RuleResolver.Resolve(new[]
        {
            RuleReader.Read("r/a.scrape.yaml", "name: A\nextends: ./_base.scrape.yaml\nremove: [.own]\nfields:\n  title: h1\n  feed: .mine\n"),
            RuleReader.Read("r/_base.scrape.yaml", "remove: [.ad]\nfields:\n  feed: .feed\n  footer: footer\n"),
        });
        Assert.Empty(result.Diagnostics);
        var rule = result.Files[0].Rule!;
        Assert.Equal(new[] { ".ad", ".own" }, rule.Remove.Select(r => r.Text));
        Assert.Equal(new[] { "title", "feed", "footer" }, rule.Fields.Select(f => f.Name));
        Assert.Equal(".mine", rule.Fields[1].Sources[0].Css!.Text);
        Assert.True(result.Files[1].Rule!.IsPartial);
    }

    [Fact]
    public void A_partial_may_not_name_a_record() =>
        Assert.Equal("SCR051", RuleReader.Read("r/_p.scrape.yaml", "name: X\nfields: { t: h1 }\n").Diagnostics.Single().Id);
}
