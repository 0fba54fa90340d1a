namespace ScrapeDsl.Generators;

/// <summary>Names of the pipeline steps, for <c>WithTrackingName</c> and caching tests.</summary>
public static class RuleGeneratorSteps
{
    /// <summary>The <c>*.scrape.yaml</c> additional files.</summary>
    public const string RuleFiles = nameof(RuleFiles);

    /// <summary>Each file read and validated by the language library.</summary>
    public const string ParsedRules = nameof(ParsedRules);

    /// <summary>Each file's diagnostics.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>The namespace generated code goes into.</summary>
    public const string Namespace = nameof(Namespace);

    /// <summary>All rule files with <c>extends</c> resolved.</summary>
    public const string ResolvedRules = nameof(ResolvedRules);

    /// <summary>Where rules use custom transforms.</summary>
    public const string CustomTransforms = nameof(CustomTransforms);

    /// <summary>Each valid rule without positions, unique by record name, with its namespace.</summary>
    public const string RulesToEmit = nameof(RulesToEmit);

    /// <summary>Record names colliding across files.</summary>
    public const string NameCollisions = nameof(NameCollisions);

    /// <summary>The registry's list of rules.</summary>
    public const string Registry = nameof(Registry);
}
