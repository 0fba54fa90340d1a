using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ScrapeDsl.Cli.Scaffold;

/// <summary>
/// Writes a scaffolded rule as YAML in the house style of <c>rules/rbc.ru/article.scrape.yaml</c>: long-form fields,
/// fallbacks as flow mappings, and a comment on every field naming the evidence behind it. Every string that could
/// confuse YAML (selectors start with <c>#</c> or contain <c>: </c>) is double-quoted.
/// </summary>
internal static class RuleWriter
{
    public static string Write(SiteNames site, Uri url, string fixture, IReadOnlyList<FieldGuess> fields, ScaffoldOptions options)
    {
        var yaml = new StringBuilder();
        yaml.Append("# Scaffolded by `scrape new` from ").Append(fixture).Append(". Review every selector before relying on it:\n");
        yaml.Append("# the comment on each field names the evidence its guess came from.\n");
        yaml.Append("name: ").Append(site.RecordName).Append('\n');
        yaml.Append("description: ").Append(Quote("Article pages of " + site.Host + " (scaffolded)")).Append('\n');
        yaml.Append("match:\n");
        yaml.Append("  hosts: [").Append(Quote(site.Host)).Append(", ").Append(Quote("*." + site.Host)).Append("]\n");
        yaml.Append("  paths: [").Append(Quote(site.PathGlob)).Append("]").Append("   # the shape of the example URL's path: widen or narrow it\n");
        yaml.Append("fields:\n");
        foreach (var field in fields)
        {
            var sources = new List<GuessedSource>();
            foreach (var source in field.Sources)
            {
                if (source.IsWritable(options))
                {
                    sources.Add(source);
                }
            }

            if (sources.Count == 0)
            {
                continue;
            }

            // The field's steps run on every source: a text date's step goes on the field only when every source needs
            // the same one, else on its own fallback, after the sources that need none.
            sources = sources.OrderBy(source => source.Date is not null).ToList();
            if (sources[0].Date is { } shared)
            {
                sources = sources.Where(source => source.Date == shared).ToList();
            }

            yaml.Append("  ").Append(field.Name).Append(":   # ").Append(Comment(field.Evidence)).Append('\n');
            WriteSourceKeys(yaml, "    ", sources[0]);
            if (field.Type != "string")
            {
                yaml.Append("    type: ").Append(field.Type).Append('\n');
            }

            if (sources[0].Date is { } date)
            {
                yaml.Append("    transform: [ ").Append(DateStep(date)).Append(" ]   # the date as the page writes it, in its local time\n");
            }

            if (field.Many)
            {
                yaml.Append("    many: true\n");
            }

            if (field.Required)
            {
                yaml.Append("    required: true\n");
            }

            if (field.Remove.Count > 0)
            {
                yaml.Append("    remove: [").Append(string.Join(", ", field.Remove.Select(Quote))).Append("]\n");
            }

            if (sources.Count > 1)
            {
                yaml.Append("    fallback:\n");
                for (var i = 1; i < sources.Count; i++)
                {
                    yaml.Append("      - ").Append(FlowSource(sources[i], ownDate: sources[0].Date is null)).Append("   # ").Append(Comment(sources[i].Evidence)).Append('\n');
                }
            }
        }

        yaml.Append("examples:\n");
        yaml.Append("  - page: ").Append(Quote(fixture)).Append('\n');
        yaml.Append("    url: ").Append(Quote(url.AbsoluteUri)).Append('\n');
        return yaml.ToString();
    }

    private static void WriteSourceKeys(StringBuilder yaml, string indent, GuessedSource source)
    {
        if (source.Kind == SourceKind.JsonLd)
        {
            yaml.Append(indent).Append("jsonld: ").Append(Quote(source.Path)).Append('\n');
            return;
        }

        if (source.Kind == SourceKind.Meta)
        {
            yaml.Append(indent).Append("meta: ").Append(Quote(source.Path)).Append('\n');
            return;
        }

        yaml.Append(indent).Append("css: ").Append(Quote(source.Path));
        if (source.Stability == Stability.Positional)
        {
            yaml.Append("   # positional: likely to break on other pages");
        }

        yaml.Append('\n');
        if (source.Attribute is not null)
        {
            yaml.Append(indent).Append("attr: ").Append(source.Attribute).Append('\n');
        }
    }

    /// <summary>A fallback in flow form; with <paramref name="ownDate"/>, its text date's step (not written on the field).</summary>
    private static string FlowSource(GuessedSource source, bool ownDate) => source.Kind switch
    {
        SourceKind.JsonLd => "{ jsonld: " + Quote(source.Path) + " }",
        SourceKind.Meta => "{ meta: " + Quote(source.Path) + " }",
        _ => "{ css: " + Quote(source.Path) + (source.Attribute is null ? string.Empty : ", attr: " + source.Attribute)
            + (ownDate && source.Date is { } date ? ", transform: [ " + DateStep(date) + " ]" : string.Empty) + " }",
    };

    private static string DateStep(TextDate date) => "{ date: " + Quote(date.Format) + ", timeZone: " + date.TimeZone + " }";

    /// <summary>A YAML double-quoted scalar.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        quoted.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        quoted.Append(c);
                    }

                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    private static string Comment(string text)
    {
        var line = text.Replace('\n', ' ').Replace('\r', ' ');
        return line.Length <= 140 ? line : line.Substring(0, 139) + "…";
    }
}
