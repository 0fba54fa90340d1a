namespace ScrapeDsl.Generators;

/// <summary>Names of the pipeline steps, for <c>WithTrackingName</c> and caching tests.</summary>
public static class RuleGeneratorSteps
{
    /// <summary>The <c>*.scrape.yaml</c> additional files.</summary>
    public const string RuleFiles = nameof(RuleFiles);

    /// <summary>Each file read and validated by the language library.</summary>
    public const string ParsedRules = nameof(ParsedRules);

    /// <summary>Each file's own diagnostics, when the generator reports them (analyzers off in this build).</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>The build settings (namespace, example checks, whether analyzers run).</summary>
    public const string Options = nameof(Options);

    /// <summary>The namespace generated code goes into.</summary>
    public const string Namespace = nameof(Namespace);

    /// <summary>What every rule file offers to <c>extends</c>, by path: the one step over all files that resolution needs.</summary>
    public const string ExtendsTargets = nameof(ExtendsTargets);

    /// <summary>Each file after resolution: the merged rule, or the placeholder of a broken one.</summary>
    public const string ResolvedFiles = nameof(ResolvedFiles);

    /// <summary>Each file's rule and placeholder without positions (before <c>extends</c> is resolved).</summary>
    public const string RuleModels = nameof(RuleModels);

    /// <summary>Where rules use custom transforms.</summary>
    public const string CustomTransforms = nameof(CustomTransforms);

    /// <summary>Each valid rule's name, file and match block (the input of the checks across files).</summary>
    public const string Summaries = nameof(Summaries);

    /// <summary>The HTML AdditionalFiles that can be example pages.</summary>
    public const string ExamplePages = nameof(ExamplePages);

    /// <summary>Each valid rule with the text of its example pages.</summary>
    public const string RuleExamples = nameof(RuleExamples);

    /// <summary>Each rule's example checks (cached per rule).</summary>
    public const string ExampleChecks = nameof(ExampleChecks);

    /// <summary>Each valid rule without positions, unique by record name, with its namespace.</summary>
    public const string RulesToEmit = nameof(RulesToEmit);

    /// <summary>The checks across files: record names colliding, ambiguous dispatch.</summary>
    public const string NameCollisions = nameof(NameCollisions);

    /// <summary>The registry's list of rules.</summary>
    public const string Registry = nameof(Registry);
}
