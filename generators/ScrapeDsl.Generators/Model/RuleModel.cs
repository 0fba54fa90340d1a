using ScrapeDsl.Language;

namespace ScrapeDsl.Generators.Model;

/// <summary>
/// The emission model: the language's rule with every position cleared, so an edit that only moves text
/// (a comment, a blank line) compares equal and does not re-emit code. Holds no Roslyn types.
/// </summary>
internal static class RuleModel
{
    public static Rule WithoutPositions(Rule rule) => rule with
    {
        NameSpan = default,
        Extends = null,
        Remove = Strip(rule.Remove),
        Fields = Strip(rule.Fields),
        Examples = EquatableArray<Example>.Empty,
    };

    private static EquatableArray<Field> Strip(EquatableArray<Field> fields)
    {
        var stripped = new Field[fields.Count];
        for (var i = 0; i < stripped.Length; i++)
        {
            var field = fields[i];
            var sources = new Source[field.Sources.Count];
            for (var s = 0; s < sources.Length; s++)
            {
                var source = field.Sources[s];
                sources[s] = source with { Css = source.Css is null ? null : source.Css with { Span = default }, Span = default, Transforms = Strip(source.Transforms) };
            }

            var transforms = Strip(field.Transforms);

            stripped[i] = field with
            {
                NameSpan = default,
                InheritedFrom = null,
                Sources = new EquatableArray<Source>(sources),
                Transforms = transforms,
                Remove = Strip(field.Remove),
                Fields = Strip(field.Fields),
            };
        }

        return new EquatableArray<Field>(stripped);
    }

    private static EquatableArray<Transform> Strip(EquatableArray<Transform> transforms)
    {
        var stripped = new Transform[transforms.Count];
        for (var i = 0; i < stripped.Length; i++)
        {
            stripped[i] = transforms[i] with { Span = default };
        }

        return new EquatableArray<Transform>(stripped);
    }

    private static EquatableArray<SelectorSpec> Strip(EquatableArray<SelectorSpec> selectors)
    {
        var stripped = new SelectorSpec[selectors.Count];
        for (var i = 0; i < stripped.Length; i++)
        {
            stripped[i] = selectors[i] with { Span = default, InheritedFrom = null };
        }

        return new EquatableArray<SelectorSpec>(stripped);
    }
}

/// <summary>
/// One rule file's emission models, made per file so an edit strips the positions of that file only: its rule and its
/// placeholder without positions, each still naming the file it extends (without a position) so it can be resolved.
/// </summary>
/// <param name="Path">The rule file.</param>
/// <param name="Rule">The rule, when the file has no errors.</param>
/// <param name="Placeholder">The placeholder of a file with errors.</param>
internal sealed record RuleModelFile(string Path, Rule? Rule, Rule? Placeholder)
{
    public static RuleModelFile Of(ParsedRule file) => new(file.Path, Strip(file.Rule), Strip(file.Placeholder));

    /// <summary>The model to emit once <c>extends</c> is resolved: a rule that extends nothing is already one.</summary>
    public static Rule Finish(Rule resolved) => resolved.Extends is null ? resolved : RuleModel.WithoutPositions(resolved);

    private static Rule? Strip(Rule? rule) => rule is null
        ? null
        : RuleModel.WithoutPositions(rule) with { Extends = rule.Extends is { } reference ? reference with { Span = default } : null };
}

/// <summary>A rule ready to emit: the position-free rule and the namespace of the consuming project.</summary>
/// <param name="Rule">The rule without positions.</param>
/// <param name="Namespace">The consuming project's namespace.</param>
/// <param name="IsPlaceholder">True for the stand-in of a broken rule file: it binds, but never matches a URL.</param>
internal sealed record RuleToEmit(Rule Rule, string Namespace, bool IsPlaceholder = false);

/// <summary>What the registry needs of each rule.</summary>
internal sealed record RegistryModel(string Namespace, EquatableArray<string> RuleNames);
