using System;
using System.IO;

namespace ScrapeDsl.Tests.Extraction;

/// <summary>
/// The saved RBC pages. rules/ScrapeDsl.Rules.csproj copies them next to the test assembly, so the tests need no
/// source tree at run time (paths from [CallerFilePath] break under CI's deterministic path mapping).
/// </summary>
internal static class RbcFixtures
{
    public static readonly Uri ArticleUrl = new("https://www.rbc.ru/politics/03/06/2025/683eb8659a7947eb72d0d6d9");

    public static readonly Uri HomeUrl = new("https://www.rbc.ru/");

    public static string Article => Read("2025-06-03-politics-south-korea-election.html");

    public static string Home => Read("home-page.html");

    private static string Read(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "rbc.ru", "fixtures", name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The fixture is copied to the output by rules/ScrapeDsl.Rules.csproj (None Include=\"**/fixtures/**\"); rebuild.", path);
        }

        return File.ReadAllText(path);
    }
}
