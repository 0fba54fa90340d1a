using System;
using System.IO;

namespace ScrapeDsl.Examples;

/// <summary>One example page of one rule, with where its verified snapshot lives.</summary>
/// <param name="RulePath">The rule file.</param>
/// <param name="RuleName">The rule's record name.</param>
/// <param name="Site">The rule's folder name (by convention the host, e.g. <c>rbc.ru</c>).</param>
/// <param name="Template">The rule file name without <c>.scrape.yaml</c>, e.g. <c>article</c>.</param>
/// <param name="PagePath">The saved page.</param>
/// <param name="Url">The page's URL, if the example gives one.</param>
public sealed record ExampleCase(string RulePath, string RuleName, string Site, string Template, string PagePath, Uri? Url)
{
    /// <summary>The verified snapshot beside the page: <c>page.html</c> → <c>page.verified.json</c>.</summary>
    public string VerifiedPath => Snapshot.VerifiedPathFor(PagePath);

    /// <summary>Where a differing result is written for review.</summary>
    public string ReceivedPath => Snapshot.ReceivedPathFor(VerifiedPath);

    /// <summary>The page's name without extension.</summary>
    public string PageName => Path.GetFileNameWithoutExtension(PagePath);

    /// <summary>Reads like <c>rbc.ru/article south-korea-election</c> (also the test case name).</summary>
    public override string ToString() => Site + "/" + Template + " " + PageName;
}
