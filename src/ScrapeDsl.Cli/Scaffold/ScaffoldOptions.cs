namespace ScrapeDsl.Cli.Scaffold;

/// <summary>Switches for the rule scaffolder.</summary>
internal sealed record ScaffoldOptions
{
    /// <summary>
    /// When false (rule language v1), JSON-LD values only pick and confirm CSS/meta sources whose text equals them.
    /// When the language has <c>jsonld:</c> sources, turning this on writes them as fallbacks too (see docs/cli.md).
    /// </summary>
    public bool EmitJsonLdSources { get; init; }

    /// <summary>The options <c>scrape new</c> uses.</summary>
    public static ScaffoldOptions Default { get; } = new();
}
