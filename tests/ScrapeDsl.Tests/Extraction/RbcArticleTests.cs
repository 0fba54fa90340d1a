using System;
using System.Linq;
using AngleSharp.Html.Parser;
using ScrapeDsl.Rules;
using Xunit;

namespace ScrapeDsl.Tests.Extraction;

/// <summary>
/// The compiled RbcArticle rule on the saved South Korea election article. Values were read off the HTML
/// (rules/rbc.ru/EXPECTED.md, re-checked against fixtures/).
/// </summary>
public class RbcArticleTests
{
    private const string FirstSentence =
        "Кандидат от Демократической партии «Тобуро» Ли Чжэ Мён победил на президентских выборах в Южной Корее, свидетельствуют результаты обработки 90,2% бюллетеней.";

    private const string LastSentence = "Associated Press пишет, что остальные дела, вероятно, будут закрыты после победы Ли.";

    private const string Lead =
        "В Южной Корее состоялись досрочные президентские выборы, объявленные после импичмента экс-президента Юн Сок Ёля, который предпринял неудачную попытку госпереворота. Победу одержал кандидат от Демократической партии Ли Чжэ Мён";

    private static readonly ExtractionResult<RbcArticle> s_result = RbcArticleExtractor.Instance.Extract(RbcFixtures.Article, RbcFixtures.ArticleUrl);

    private static RbcArticle Article => s_result.Partial;

    [Fact]
    public void Extraction_succeeds_without_any_missing_field_or_fallback()
    {
        Assert.True(s_result.Success);
        Assert.Empty(s_result.Problems);
        Assert.Same(s_result.Partial, s_result.Value);
    }

    [Fact]
    public void Title_is_the_headline_exactly()
    {
        Assert.Equal("В Южной Корее после попытки переворота избрали нового президента", Article.Title);
    }

    [Fact]
    public void Author_is_read_exactly()
    {
        Assert.Equal(new[] { "Валентина Шварцман" }, Article.Authors);
    }

    [Fact]
    public void Published_at_is_the_exact_instant_with_the_moscow_offset_kept()
    {
        var published = Assert.NotNull(Article.PublishedAt);

        Assert.Equal(new DateTimeOffset(2025, 6, 3, 20, 14, 1, TimeSpan.FromHours(3)), published);
        Assert.Equal(TimeSpan.FromHours(3), published.Offset);
        Assert.Equal(1748970841, published.ToUnixTimeSeconds());
    }

    [Fact]
    public void Category_is_the_rubric()
    {
        Assert.Equal("Политика", Article.Category);
    }

    [Fact]
    public void Lead_is_the_overview_text()
    {
        Assert.Equal(Lead, Article.Lead);
    }

    [Fact]
    public void Body_begins_with_the_first_sentence_of_the_article()
    {
        Assert.StartsWith(FirstSentence + " За него проголосовали", Article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_ends_with_the_last_sentence_of_the_article()
    {
        Assert.EndsWith(LastSentence, Article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_is_nine_paragraphs_without_blank_lines()
    {
        var paragraphs = Article.Body!.Split('\n');

        Assert.Equal(9, paragraphs.Length);
        Assert.All(paragraphs, p => Assert.False(string.IsNullOrWhiteSpace(p)));
        Assert.StartsWith("Ли сравнивает себя", paragraphs[5], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rbc.group")]
    [InlineData("Как в Южной Корее кандидаты в президенты разошлись в спорах о США и КНДР")]
    [InlineData("Политика")]
    [InlineData("(Фото: Kim Hong-Ji / Reuters)")]
    [InlineData("Ошибка воспроизведения видео")]
    [InlineData("Как восстановить утраченные данные")]
    public void Body_contains_no_ad_read_also_card_photo_credit_or_widget_text(string snippet)
    {
        Assert.DoesNotContain(snippet, Article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_does_not_repeat_the_lead()
    {
        Assert.DoesNotContain("В Южной Корее состоялись досрочные президентские выборы", Article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_has_plain_spaces_where_the_page_has_no_break_spaces()
    {
        Assert.Contains("за его оппонента Ким Мун Су — 42,59%", Article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\u00A0", Article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_are_read_in_page_order()
    {
        Assert.Equal(new[] { "Южная Корея", "выборы президента", "Юн Сок Ёль" }, Article.Tags);
    }

    [Fact]
    public void Image_is_the_absolute_url_of_the_main_photo()
    {
        Assert.True(Article.Image!.IsAbsoluteUri);
        Assert.Equal("https://s0.rbk.ru/v6_top_pics/media/img/6/75/347489413865756.jpeg", Article.Image.AbsoluteUri);
    }

    [Fact]
    public void Photo_caption_and_credit_are_read_separately()
    {
        Assert.Equal("Ли Чжэ Мён", Article.ImageCaption);
        Assert.Equal("Kim Hong-Ji / Reuters", Article.ImageCredit); // the page shows "(Фото: Kim Hong-Ji / Reuters)"; the rule keeps the name
    }

    [Fact]
    public void Feed_has_the_thirteen_editorial_items_in_page_order()
    {
        Assert.Equal(
            new[]
            {
                "Прокуратура начала проверку из-за пожара на судне в Японском море",
                "Эксперты зафиксировали снижение комиссий для бизнеса за платежи за рубеж",
                "Британия пообещала поставить Украине 100 тыс. дронов к следующей весне",
                "Из шахты в Воркуте эвакуировали 115 человек",
                "Фигурантка дела о бронежилетах подписала контракт с Минобороны",
                "Казначейство потребовало от судоходных компаний вернуть субсидии",
                "Военные перехватили 7 дронов ВСУ над тремя регионами России",
                "ФНС обсудит усиление контроля за дроблением на маркетплейсах",
                "Около 100 человек эвакуировались при ночном пожаре в ЖК в Астане",
                "WSJ назвала нереальным обещание Трампа выйти из урегулирования по Украине",
                "Молодого человека задержали за сожжение российского паспорта на видео",
                "Полиция Латвии задержала мужчину за трансляцию российских телеканалов",
                "Трамп в два раза повысил пошлины на сталь и алюминий",
            },
            Article.Feed.Select(item => item.Title));
    }

    [Fact]
    public void Feed_leaves_out_the_sponsored_item_promo_card_and_hidden_currency_rates()
    {
        Assert.DoesNotContain(Article.Feed, item => item.Title!.StartsWith("Феномен дропов", StringComparison.Ordinal));
        Assert.DoesNotContain(Article.Feed, item => item.Url!.Host == "editorial.rbc.ru");
        Assert.DoesNotContain(Article.Feed, item => item.Title!.Contains("эмоциональный интеллект", StringComparison.Ordinal));
        Assert.DoesNotContain(Article.Feed, item => item.Title!.StartsWith("Курс ", StringComparison.Ordinal));
    }

    [Fact]
    public void Feed_items_have_absolute_urls_with_query_strings_decoded()
    {
        Assert.All(Article.Feed, item => Assert.True(item.Url!.IsAbsoluteUri));
        Assert.Equal("https://www.rbc.ru/rbcfreenews/683fd24d9a794788bc926020?from=newsfeed", Article.Feed[0].Url!.AbsoluteUri);
        Assert.StartsWith("https://pro.rbc.ru/demo/683ec0fa9a7947b2fd195d1c?from=newsfeed&utm_source=rbc.ru&", Article.Feed[1].Url!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_item_time_is_the_rubric_and_time_as_shown()
    {
        Assert.Equal("Общество, 08:07", Article.Feed[0].Time);
        Assert.Equal("Подписка на РБК, 08:02", Article.Feed[1].Time);
    }

    [Fact]
    public void Extracting_from_a_document_the_caller_owns_leaves_it_unchanged_and_gives_the_same_record()
    {
        var document = new HtmlParser().ParseDocument(RbcFixtures.Article);
        var before = document.DocumentElement.OuterHtml;

        var result = RbcArticleExtractor.Instance.Extract(document, RbcFixtures.ArticleUrl);

        Assert.Equal(before, document.DocumentElement.OuterHtml);
        Assert.Equal(Article.Title, result.Partial.Title);
        Assert.Equal(Article.Body, result.Partial.Body);
        Assert.Equal(Article.Feed, result.Partial.Feed);
    }

    [Fact]
    public void Extracting_the_page_on_many_threads_at_once_gives_the_same_result()
    {
        var expected = ResultJson.Serialize(s_result);
        var html = RbcFixtures.Article;
        var results = new string[16];

        System.Threading.Tasks.Parallel.For(0, results.Length, i =>
            results[i] = ResultJson.Serialize(RbcArticleExtractor.Instance.Extract(html, RbcFixtures.ArticleUrl)));

        Assert.All(results, json => Assert.Equal(expected, json));
    }

    [Fact]
    public void Json_output_shows_the_date_with_its_offset_and_readable_cyrillic()
    {
        var json = ResultJson.Serialize(s_result);

        Assert.Contains("\"publishedAt\": \"2025-06-03T20:14:01+03:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"imageCaption\": \"Ли Чжэ Мён\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_publication_day_is_the_date_written_in_moscow_time()
    {
        Assert.Equal(new DateOnly(2025, 6, 3), Article.PublishedDate);
    }

    [Fact]
    public void Lead_html_is_the_sanitized_overview_paragraph()
    {
        Assert.StartsWith("<span>В Южной Корее состоялись досрочные президентские выборы", Article.LeadHtml, StringComparison.Ordinal);
        Assert.EndsWith("Ли Чжэ Мён</span>", Article.LeadHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", Article.LeadHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Rate_dates_take_their_year_from_the_article_url()
    {
        Assert.Equal(new DateOnly?[] { new DateOnly(2025, 6, 4), new DateOnly(2025, 6, 4) }, Article.Rates.Select(rate => rate.Date));
    }
}
