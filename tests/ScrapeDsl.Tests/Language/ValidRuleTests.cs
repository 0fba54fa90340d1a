using System.Linq;
using Xunit;

namespace ScrapeDsl.Tests.Language;

using ScrapeDsl.Language;

/// <summary>A rule that uses every construct of the language is read into the model the generator and interpreter run.</summary>
public class ValidRuleTests
{
    private const string Yaml = """
        # Every construct of the rule language, once.
        name: ShopProduct
        description: Product pages of shop.example
        match:
          hosts: [shop.example, "*.shop.example"]
          paths: ["/p/*", "/item/**"]
          exclude: ["/p/draft-*"]
          priority: 5
        remove:
          - .ad
          - "[data-role=promo]"
        fields:
          title:
            css: h1
            required: true
            fallback:
              - { css: "meta[property='og:title']", attr: content }
              - .product-title
          summary: .summary
          price: { css: .price, type: decimal }
          stock: { css: .stock, type: int }
          available: { css: "[data-available]", attr: data-available, type: bool }
          published_at:
            css: time
            attr: datetime
            type: datetime
          release: { css: .release, type: date }
          description:
            css: .description
            value: html
            remove: [.share, .rating]
          tags: { css: a.tag, many: true }
          variants:
            css: .variant
            many: true
            fields:
              sku: { attr: data-sku }
              label: .label
              link: { css: a, attr: href, type: url }
        examples:
          - page: fixtures/product-1.html
            url: https://shop.example/p/1
          - page: fixtures/product-2.html
        """;

    private static readonly Rule s_rule = RuleText.Valid(Yaml);

    [Fact]
    public void Rule_name_and_description_are_read()
    {
        Assert.Equal("ShopProduct", s_rule.Name);
        Assert.Equal("Product pages of shop.example", s_rule.Description);
    }

    [Fact]
    public void Match_block_is_read_with_hosts_paths_excludes_and_priority()
    {
        Assert.Equal(new[] { "shop.example", "*.shop.example" }, s_rule.Match.Hosts);
        Assert.Equal(new[] { "/p/*", "/item/**" }, s_rule.Match.Paths);
        Assert.Equal(new[] { "/p/draft-*" }, s_rule.Match.Exclude);
        Assert.Equal(5, s_rule.Match.Priority);
    }

    [Fact]
    public void Rule_remove_list_is_read_in_written_order()
    {
        Assert.Equal(new[] { ".ad", "[data-role=promo]" }, s_rule.Remove.Select(s => s.Text));
    }

    [Fact]
    public void Fields_keep_their_declared_order_and_become_pascal_case_properties()
    {
        Assert.Equal(
            new[] { "title", "summary", "price", "stock", "available", "published_at", "release", "description", "tags", "variants" },
            s_rule.Fields.Select(f => f.Name));
        Assert.Equal(
            new[] { "Title", "Summary", "Price", "Stock", "Available", "PublishedAt", "Release", "Description", "Tags", "Variants" },
            s_rule.Fields.Select(f => f.PropertyName));
    }

    [Fact]
    public void Short_form_field_is_an_optional_text_string_read_with_its_selector()
    {
        var summary = RuleText.Field(s_rule, "summary");
        Assert.Equal(FieldType.String, summary.Type);
        Assert.False(summary.Required);
        Assert.False(summary.Many);
        var source = Assert.Single(summary.Sources);
        Assert.Equal(".summary", source.Css?.Text);
        Assert.Equal(ValueKind.Text, source.Value);
    }

    [Fact]
    public void Each_type_keyword_gives_its_field_type()
    {
        Assert.Equal(FieldType.Decimal, RuleText.Field(s_rule, "price").Type);
        Assert.Equal(FieldType.Int, RuleText.Field(s_rule, "stock").Type);
        Assert.Equal(FieldType.Bool, RuleText.Field(s_rule, "available").Type);
        Assert.Equal(FieldType.DateTime, RuleText.Field(s_rule, "published_at").Type);
        Assert.Equal(FieldType.Date, RuleText.Field(s_rule, "release").Type);
        Assert.Equal(FieldType.Url, RuleText.Field(s_rule, "variants").Fields.Single(f => f.Name == "link").Type);
    }

    [Fact]
    public void Required_and_many_are_read()
    {
        Assert.True(RuleText.Field(s_rule, "title").Required);
        Assert.True(RuleText.Field(s_rule, "tags").Many);
        Assert.False(RuleText.Field(s_rule, "tags").Required);
    }

    [Fact]
    public void Fallbacks_follow_the_primary_source_in_written_order()
    {
        var title = RuleText.Field(s_rule, "title");
        Assert.Collection(
            title.Sources,
            primary =>
            {
                Assert.Equal("h1", primary.Css?.Text);
                Assert.Equal(ValueKind.Text, primary.Value);
            },
            meta =>
            {
                Assert.Equal("meta[property='og:title']", meta.Css?.Text);
                Assert.Equal(ValueKind.Attribute, meta.Value);
                Assert.Equal("content", meta.Attribute);
            },
            shortForm =>
            {
                Assert.Equal(".product-title", shortForm.Css?.Text);
                Assert.Equal(ValueKind.Text, shortForm.Value);
            });
    }

    [Fact]
    public void Attr_reads_an_attribute()
    {
        var source = Assert.Single(RuleText.Field(s_rule, "published_at").Sources);
        Assert.Equal(ValueKind.Attribute, source.Value);
        Assert.Equal("datetime", source.Attribute);
    }

    [Fact]
    public void Value_html_and_a_field_remove_list_are_read()
    {
        var description = RuleText.Field(s_rule, "description");
        Assert.Equal(ValueKind.Html, Assert.Single(description.Sources).Value);
        Assert.Equal(new[] { ".share", ".rating" }, description.Remove.Select(s => s.Text));
    }

    [Fact]
    public void Nested_fields_make_a_list_of_records_whose_fields_may_read_the_item_itself()
    {
        var variants = RuleText.Field(s_rule, "variants");
        Assert.Equal(FieldType.Record, variants.Type);
        Assert.True(variants.Many);
        Assert.Equal(new[] { "sku", "label", "link" }, variants.Fields.Select(f => f.Name));
        var sku = Assert.Single(variants.Fields[0].Sources);
        Assert.Null(sku.Css);
        Assert.Equal("data-sku", sku.Attribute);
    }

    [Fact]
    public void Examples_are_read_with_page_and_optional_url()
    {
        Assert.Collection(
            s_rule.Examples,
            first =>
            {
                Assert.Equal("fixtures/product-1.html", first.Page);
                Assert.Equal("https://shop.example/p/1", first.Url);
            },
            second =>
            {
                Assert.Equal("fixtures/product-2.html", second.Page);
                Assert.Null(second.Url);
            });
    }
}
