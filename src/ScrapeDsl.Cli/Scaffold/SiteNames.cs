using System;
using System.Globalization;
using System.Text;
using ScrapeDsl.Language;

namespace ScrapeDsl.Cli.Scaffold;

/// <summary>
/// The names a scaffolded rule gets from its URL: the rule folder (<c>rules/&lt;host&gt;/</c>, without <c>www.</c>),
/// the record name (<c>RbcArticle</c> for rbc.ru, unless given), the file name (<c>article.scrape.yaml</c>: the record
/// name in kebab case, without the site prefix) and a path glob of the example URL's shape.
/// </summary>
internal sealed record SiteNames(string Host, string RecordName, string FileName, string PathGlob)
{
    private static readonly string[] s_secondLevel = { "co", "com", "ac", "go", "or", "ne", "gov", "org", "net", "edu" };

    public static SiteNames From(Uri url, string? recordName)
    {
        var host = url.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host.Substring(4);
        }

        var prefix = SitePrefix(host);
        var name = recordName ?? prefix + "Article";
        if (Names.CheckTypeName(name) is { } why)
        {
            throw new CliError($"'{name}' cannot be a record name: {why}");
        }

        var stem = name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) ? name.Substring(prefix.Length) : name;
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Length;
        var glob = segments == 0 ? "/" : "/" + string.Join("/", System.Linq.Enumerable.Repeat("*", segments));
        return new SiteNames(host, name, Kebab(stem) + ".scrape.yaml", glob);
    }

    /// <summary><c>rbc.ru</c> → <c>Rbc</c>; <c>news.yahoo.co.jp</c> → <c>Yahoo</c>; digits first get a <c>Site</c> prefix.</summary>
    private static string SitePrefix(string host)
    {
        var labels = host.Split('.', StringSplitOptions.RemoveEmptyEntries);
        var label = labels.Length switch
        {
            0 => "site",
            1 => labels[0],
            _ => labels.Length >= 3 && Array.IndexOf(s_secondLevel, labels[^2]) >= 0 ? labels[^3] : labels[^2],
        };

        var pascal = new StringBuilder();
        var upper = true;
        foreach (var c in label)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            pascal.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        var text = pascal.ToString();
        return text.Length == 0 || char.IsAsciiDigit(text[0]) ? "Site" + text : text;
    }

    private static string Kebab(string name)
    {
        var kebab = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return kebab.ToString();
    }
}
