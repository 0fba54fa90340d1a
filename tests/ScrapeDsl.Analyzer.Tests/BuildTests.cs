using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace ScrapeDsl.Analyzer.Tests;

/// <summary>
/// A real <c>dotnet build</c> of a consumer project that imports the generator's props, as a user's project does:
/// a broken rule fails the build at its YAML line and column (and costs no C# errors in code using the record);
/// the fixed rule builds. Two builds, so slow (tens of seconds); trait Build lets a local run skip them.
/// </summary>
[Trait("Category", "Build")]
public sealed class BuildTests : IDisposable
{
    private const string Rule = """
        name: NewsArticle
        match: { hosts: [news.example] }
        fields:
          title: { css: h1, required: true }
          body: "article:eq(0)"
        examples:
          - page: fixtures/page.html
            url: https://news.example/a
        """;

    private const string Code = """
        namespace Consumer
        {
            public static class Use
            {
                public static string Title(string html) => NewsArticleExtractor.Instance.Extract(html, null).Partial.Title;
            }
        }
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "scrape-build-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void A_broken_rule_fails_the_build_at_its_line_and_the_fixed_rule_builds()
    {
        var bin = AppContext.BaseDirectory;
        Directory.CreateDirectory(Path.Combine(_folder, "news", "fixtures"));
        File.WriteAllText(Path.Combine(_folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{Repository.PathOf("generators", "ScrapeDsl.Generators", "build", "ScrapeDsl.Generators.props")}" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <RootNamespace>Consumer</RootNamespace>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{bin}ScrapeDsl.dll" />
                <Reference Include="{bin}AngleSharp.dll" />
                <Analyzer Include="{bin}ScrapeDsl.Generators.dll;{bin}ScrapeDsl.Language.dll;{bin}YamlDotNet.dll;{bin}AngleSharp.dll" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_folder, "Use.cs"), Code);
        File.WriteAllText(Path.Combine(_folder, "news", "fixtures", "page.html"), RuleHarness.Page("<h1>Title</h1><article>Body</article>"));
        var rulePath = Path.Combine(_folder, "news", "rule.scrape.yaml");
        File.WriteAllText(rulePath, Rule);
        // The other spelling of the extension is a rule file too, for the build as for every command (RuleFileNames).
        var ymlPath = Path.Combine(_folder, "news", "other.scrape.yml");
        File.WriteAllText(ymlPath, "name: OtherArticle\nmatch: { hosts: [other.example] }\nfields:\n  title: \"h1[[\"\n");

        var (exit, output) = Build(restore: true);
        Assert.True(exit != 0, output);
        Assert.Contains("rule.scrape.yaml(5,9): error SCR008: 'article:eq(0)' is not a valid CSS selector", output);
        Assert.Contains("other.scrape.yml(4,10): error SCR008:", output);
        Assert.DoesNotContain("error CS", output);

        File.WriteAllText(rulePath, Rule.Replace("\"article:eq(0)\"", "article"));
        File.WriteAllText(ymlPath, "name: OtherArticle\nmatch: { hosts: [other.example] }\nfields:\n  title: h1\n");
        (exit, output) = Build(restore: false);
        Assert.True(exit == 0, output);
        Assert.DoesNotContain(": error", output);
        Assert.DoesNotContain("SCR0", output);
    }

    private (int Exit, string Output) Build(bool restore)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "build", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary" })
        {
            start.ArgumentList.Add(argument);
        }

        if (!restore)
        {
            start.ArgumentList.Add("--no-restore");
        }

        // The test host may run inside an MSBuild-driven `dotnet test`: do not hand its MSBuild settings to the child build.
        foreach (var key in new System.Collections.Generic.List<string>(start.Environment.Keys))
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("MSBUILD", StringComparison.Ordinal))
            {
                start.Environment.Remove(key);
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build took over 4 minutes:\n" + stdout.Result);
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
