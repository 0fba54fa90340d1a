using System;
using System.Linq;
using System.Text.Json;
using ScrapeDsl.Rules;
using Xunit;

namespace ScrapeDsl.Tests.Runtime;

/// <summary>The one JSON form of a result (CLI output and snapshots): readable Cyrillic, ISO dates, LF newlines.</summary>
public class ResultJsonTests
{
    private static readonly ExtractionResult<RbcArticle> s_result = new(
        "RbcArticle",
        new Uri("https://www.rbc.ru/politics/03/06/2025/683eb8659a7947eb72d0d6d9"),
        new RbcArticle(
            Title: "В Южной Корее после попытки переворота избрали нового президента",
            Category: null,
            PublishedAt: new DateTimeOffset(2025, 6, 3, 20, 14, 1, TimeSpan.FromHours(3)),
            Authors: new[] { "Валентина Шварцман" },
            Lead: null,
            Image: new Uri("https://s0.rbk.ru/v6_top_pics/media/img/6/75/347489413865756.jpeg"),
            ImageCaption: null,
            ImageCredit: null,
            Body: "Первый абзац.\nВторой абзац.",
            PublishedDate: new DateOnly(2025, 6, 3),
            LeadHtml: null,
            Tags: Array.Empty<string>(),
            Breadcrumbs: Array.Empty<string>(),
            Feed: new[] { new RbcArticle.FeedItem("Заголовок", "Политика, 07:49", new Uri("https://www.rbc.ru/a?from=newsfeed&x=1")) },
            Rates: Array.Empty<RbcArticle.RatesItem>()),
        new[]
        {
            new FieldProblem("category", ProblemKind.FallbackUsed, "fallback 1 was used", IsError: false, SourceIndex: 1),
            new FieldProblem("lead", ProblemKind.Missing, "no source matched a non-empty value", IsError: false),
        });

    private static readonly string s_json = ResultJson.Serialize(s_result);

    [Fact]
    public void Result_is_an_object_with_rule_url_success_value_and_problems_in_that_order()
    {
        using var document = JsonDocument.Parse(s_json);

        Assert.Equal(new[] { "rule", "url", "success", "value", "problems" }, document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("RbcArticle", document.RootElement.GetProperty("rule").GetString());
        Assert.True(document.RootElement.GetProperty("success").GetBoolean());
    }

    [Fact]
    public void Record_fields_are_written_in_declared_order_with_their_rule_names()
    {
        using var document = JsonDocument.Parse(s_json);

        Assert.Equal(
            new[] { "title", "category", "publishedAt", "authors", "lead", "image", "imageCaption", "imageCredit", "body", "publishedDate", "leadHtml", "tags", "breadcrumbs", "feed", "rates" },
            document.RootElement.GetProperty("value").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Cyrillic_text_is_written_unescaped()
    {
        Assert.Contains("\"title\": \"В Южной Корее после попытки переворота избрали нового президента\"", s_json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u04", s_json, StringComparison.Ordinal);
    }

    [Fact]
    public void Datetime_is_iso_8601_with_its_offset()
    {
        Assert.Contains("\"publishedAt\": \"2025-06-03T20:14:01+03:00\"", s_json, StringComparison.Ordinal);
    }

    [Fact]
    public void Urls_are_absolute_strings_with_ampersands_unescaped()
    {
        Assert.Contains("\"url\": \"https://www.rbc.ru/a?from=newsfeed&x=1\"", s_json, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_uses_lf_line_endings_and_escapes_newlines_inside_values()
    {
        Assert.DoesNotContain("\r", s_json, StringComparison.Ordinal);
        Assert.Contains("\n  \"rule\"", s_json, StringComparison.Ordinal);
        Assert.Contains("\"body\": \"Первый абзац.\\nВторой абзац.\"", s_json, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_values_are_null_and_empty_lists_are_empty_arrays()
    {
        using var document = JsonDocument.Parse(s_json);
        var value = document.RootElement.GetProperty("value");

        Assert.Equal(JsonValueKind.Null, value.GetProperty("lead").ValueKind);
        Assert.Equal(0, value.GetProperty("tags").GetArrayLength());
    }

    [Fact]
    public void Problems_carry_field_kind_error_flag_and_fallback_number()
    {
        using var document = JsonDocument.Parse(s_json);
        var problems = document.RootElement.GetProperty("problems");

        var fallback = problems[0];
        Assert.Equal("category", fallback.GetProperty("field").GetString());
        Assert.Equal("fallbackUsed", fallback.GetProperty("kind").GetString());
        Assert.False(fallback.GetProperty("error").GetBoolean());
        Assert.Equal(1, fallback.GetProperty("fallback").GetInt32());
        Assert.Equal("missing", problems[1].GetProperty("kind").GetString());
        Assert.False(problems[1].TryGetProperty("fallback", out _));
    }
}
