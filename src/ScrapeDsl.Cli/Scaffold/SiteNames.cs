using System;
using System.Collections.Generic;
using System.Linq;
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
    private static readonly string[] s_secondLevel = { "co", "com", "ac", "ad", "ed", "go", "gr", "lg", "or", "ne", "gov", "org", "net", "edu" };

    /// <summary>
    /// Names for a rule of <paramref name="url"/>. Without <paramref name="recordName"/>, a name another rule already
    /// has (<paramref name="taken"/>) is made unique with the subdomain (<c>japan.cnet.com</c> → <c>JapanCnetArticle</c>)
    /// or the whole host (<c>cnet.com</c> → <c>CnetComArticle</c>),
    /// because two generated records of one name do not compile; a given name that is taken is an error.
    /// </summary>
    public static SiteNames From(Uri url, string? recordName, IReadOnlyCollection<string>? taken = null)
    {
        taken ??= Array.Empty<string>();
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

        if (taken.Contains(name))
        {
            // japan.cnet.com → JapanCnetArticle; cnet.com, when that is taken too → CnetComArticle.
            var longer = new[] { SitePrefix(host, withSubdomains: true), Pascal(host) }
                .Select(prefixed => prefixed + "Article")
                .FirstOrDefault(candidate => !taken.Contains(candidate) && Names.CheckTypeName(candidate) is null);
            if (recordName is not null || longer is null)
            {
                throw new CliError($"another rule is already named {name}; give this one a name with --name");
            }

            name = longer;
        }

        var stem = name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) ? name.Substring(prefix.Length) : name;
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Length;
        var glob = segments == 0 ? "/" : "/" + string.Join("/", System.Linq.Enumerable.Repeat("*", segments));
        return new SiteNames(host, name, Kebab(stem) + ".scrape.yaml", glob);
    }

    /// <summary><c>rbc.ru</c> → <c>Rbc</c>; <c>news.yahoo.co.jp</c> → <c>Yahoo</c>; digits first get a <c>Site</c> prefix.</summary>
    private static string SitePrefix(string host, bool withSubdomains = false)
    {
        var labels = host.Split('.', StringSplitOptions.RemoveEmptyEntries);
        var site = labels.Length switch
        {
            0 => 0,
            1 => 0,
            _ => labels.Length >= 3 && Array.IndexOf(s_secondLevel, labels[^2]) >= 0 ? labels.Length - 3 : labels.Length - 2,
        };

        var text = labels.Length == 0 ? "Site" : Pascal(string.Join("-", labels[(withSubdomains ? 0 : site)..(site + 1)]));
        return text.Length == 0 || char.IsAsciiDigit(text[0]) ? "Site" + text : text;
    }

    private static string Pascal(string label)
    {
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

        return pascal.ToString();
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
