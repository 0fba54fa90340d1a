using System;
using System.IO;
using System.Text.Json;
using AngleSharp.Dom;
using ScrapeDsl.Examples;
using Xunit;

namespace ScrapeDsl.Tests.Snapshots;

/// <summary>The snapshot workflow on a throw-away rules folder: new → received, accept → match, change → field report, dangling.</summary>
public sealed class SnapshotWorkflowTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("scrapedsl-snapshots-").FullName;
    private readonly ExampleCase _example;

    public SnapshotWorkflowTests()
    {
        var site = Directory.CreateDirectory(Path.Combine(_folder, "example.com", "fixtures")).Parent!.FullName;
        File.WriteAllText(Path.Combine(site, "page.scrape.yaml"), """
            name: ExamplePage
            fields:
              title: h1
            examples:
              - page: fixtures/one.html
                url: https://example.com/one
            """);
        File.WriteAllText(Path.Combine(site, "fixtures", "one.html"), "<h1>One</h1>");
        _example = Assert.Single(ExampleCatalog.Discover(_folder, out _));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_missing_verified_file_fails_and_writes_the_received_file()
    {
        var outcome = ExampleRunner.Check(_example, _ => new FixedTitle("One"), autoAccept: false);

        Assert.Equal(ExampleStatus.New, outcome.Status);
        Assert.False(File.Exists(_example.VerifiedPath));
        Assert.Contains("\"title\": \"One\"", File.ReadAllText(_example.ReceivedPath), StringComparison.Ordinal);
    }

    [Fact]
    public void Accepting_the_received_file_makes_the_next_run_match()
    {
        ExampleRunner.Check(_example, _ => new FixedTitle("One"), autoAccept: false);

        Snapshot.Accept(_example.ReceivedPath);
        var outcome = ExampleRunner.Check(_example, _ => new FixedTitle("One"), autoAccept: false);

        Assert.Equal(ExampleStatus.Matches, outcome.Status);
        Assert.False(File.Exists(_example.ReceivedPath));
    }

    [Fact]
    public void A_changed_field_is_named_with_old_and_new_values_before_the_diff()
    {
        ExampleRunner.Check(_example, _ => new FixedTitle("One"), autoAccept: false);
        Snapshot.Accept(_example.ReceivedPath);

        var outcome = ExampleRunner.Check(_example, _ => new FixedTitle("Two"), autoAccept: false);

        Assert.Equal(ExampleStatus.Changed, outcome.Status);
        var change = Assert.Single(outcome.Changes);
        Assert.Equal(new FieldChange("title", "\"One\"", "\"Two\""), change);
        var report = outcome.Report();
        Assert.StartsWith("example.com/page one: field title changed:", report, StringComparison.Ordinal);
        Assert.True(report.IndexOf("-    \"title\": \"One\"", StringComparison.Ordinal) > report.IndexOf("new: \"Two\"", StringComparison.Ordinal));
        Assert.Contains("\"Two\"", File.ReadAllText(_example.ReceivedPath), StringComparison.Ordinal);
        Assert.Contains("\"One\"", File.ReadAllText(_example.VerifiedPath), StringComparison.Ordinal);
    }

    [Fact]
    public void A_verified_file_without_an_example_is_dangling()
    {
        ExampleRunner.Check(_example, _ => new FixedTitle("One"), autoAccept: false);
        Snapshot.Accept(_example.ReceivedPath);
        var orphan = Path.Combine(Path.GetDirectoryName(_example.PagePath)!, "removed-page.verified.json");
        File.WriteAllText(orphan, "{}");

        var dangling = ExampleCatalog.DanglingSnapshots(_folder, new[] { _example });

        Assert.Equal(new[] { orphan }, dangling);
    }

    [Fact]
    public void Received_and_verified_names_follow_the_verify_convention()
    {
        Assert.EndsWith(Path.Combine("fixtures", "one.verified.json"), _example.VerifiedPath, StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine("fixtures", "one.received.json"), _example.ReceivedPath, StringComparison.Ordinal);
        Assert.Equal(_example.VerifiedPath, Snapshot.VerifiedPathForReceived(_example.ReceivedPath));
    }

    /// <summary>An extractor whose output the test controls, so the workflow is tested apart from any rule.</summary>
    private sealed class FixedTitle(string title) : IExtractor
    {
        public string RuleName => "ExamplePage";

        public int Priority => 0;

        public bool Matches(Uri url) => true;

        public IExtractionResult ExtractUntyped(string html, Uri? url) =>
            new ExtractionResult<Record>("ExamplePage", url, new Record(title), Array.Empty<FieldProblem>());

        public IExtractionResult ExtractUntyped(IDocument document, Uri? url) => ExtractUntyped(string.Empty, url);

        public IExtractionResult ExtractUntyped(ParsedDocument page, Uri? url) => ExtractUntyped(string.Empty, url);

        private sealed record Record(string Title) : IExtractedRecord
        {
            public void WriteJson(Utf8JsonWriter writer)
            {
                writer.WriteStartObject();
                ResultJson.Write(writer, "title", Title);
                writer.WriteEndObject();
            }
        }
    }
}
