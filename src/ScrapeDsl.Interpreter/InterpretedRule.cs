using System;
using System.Collections.Generic;
using AngleSharp.Dom;
using ScrapeDsl.Language;
using LanguageSource = ScrapeDsl.Language.Source;
using LanguageSourceKind = ScrapeDsl.Language.SourceKind;
using LanguageTransform = ScrapeDsl.Language.Transform;
using LanguageValueKind = ScrapeDsl.Language.ValueKind;
using RuntimeTransform = ScrapeDsl.Transform;

namespace ScrapeDsl.Interpreter;

/// <summary>
/// A rule run straight from its YAML model. Every field is read with exactly the runtime calls the generator
/// emits for it (see <c>RuleEmitter</c>), so interpreted and compiled output are byte-identical; a differential
/// test holds the two to that.
/// </summary>
/// <remarks>
/// <c>custom</c> transforms name C# methods that only exist in compiled code: pass them to <see cref="From(Rule, IReadOnlyDictionary{string, Func{string, string}})"/>
/// by name. A custom transform without a method yields no value (so the next fallback is tried) and is listed in
/// <see cref="Warnings"/>.
/// </remarks>
public sealed class InterpretedRule : IExtractor
{
    private readonly UrlPattern _match;
    private readonly Selector[] _remove;
    private readonly CompiledField[] _fields;
    private readonly PagePlan _plan;

    private readonly IReadOnlyDictionary<string, Func<string, string?>>? _custom;
    private readonly List<string> _warnings = new();

    private InterpretedRule(Rule rule, IReadOnlyDictionary<string, Func<string, string?>>? custom)
    {
        Rule = rule;
        _custom = custom;
        _match = new UrlPattern(rule.Match.Hosts.AsArray(), rule.Match.Paths.AsArray(), rule.Match.Exclude.AsArray());
        _remove = Selectors(rule.Remove);
        _fields = Compile(rule.Fields);
        _plan = Plan(_remove, _fields);
    }

    /// <summary>Problems found while preparing the rule (custom transforms without a method).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The rule model.</summary>
    public Rule Rule { get; }

    /// <inheritdoc />
    public string RuleName => Rule.Name;

    /// <inheritdoc />
    public int Priority => Rule.Match.Priority;

    /// <summary>Prepares a validated rule (selectors are parsed once, here).</summary>
    public static InterpretedRule From(Rule rule) => new(rule ?? throw new ArgumentNullException(nameof(rule)), null);

    /// <summary>Prepares a validated rule with the methods its <c>custom</c> transforms name.</summary>
    public static InterpretedRule From(Rule rule, IReadOnlyDictionary<string, Func<string, string?>> customTransforms) =>
        new(rule ?? throw new ArgumentNullException(nameof(rule)), customTransforms);

    /// <inheritdoc />
    public bool Matches(Uri url) => _match.Matches(url);

    /// <summary>Parses the HTML and runs the rule.</summary>
    public ExtractionResult<InterpretedRecord> Extract(string html, Uri? url) => Read(Page.Parse(html, url, _plan));

    /// <summary>Decodes page bytes (as <see cref="PageText"/> decodes: BOM, <paramref name="charset"/>, valid UTF-8, <c>&lt;meta charset&gt;</c>, else UTF-8) and runs the rule.</summary>
    public ExtractionResult<InterpretedRecord> Extract(ReadOnlySpan<byte> page, Uri? url, string? charset = null) =>
        Read(Page.Parse(page, charset, url, _plan));

    /// <summary>Runs the rule on a document the caller owns (not modified).</summary>
    public ExtractionResult<InterpretedRecord> Extract(IDocument document, Uri? url) => Read(Page.Open(document, url, _plan));

    /// <summary>Runs the rule on a page parsed with <see cref="PageParser"/>; a stopped parse is reported as when this parses the page.</summary>
    public ExtractionResult<InterpretedRecord> Extract(ParsedDocument page, Uri? url) => Read(Page.Open(page, url, _plan));

    IExtractionResult IExtractor.ExtractUntyped(string html, Uri? url) => Extract(html, url);

    IExtractionResult IExtractor.ExtractUntyped(IDocument document, Uri? url) => Extract(document, url);

    IExtractionResult IExtractor.ExtractUntyped(ParsedDocument page, Uri? url) => Extract(page, url);

    private ExtractionResult<InterpretedRecord> Read(Page page) =>
        page.Result(Rule.Name, ReadRecord(page, page.Root, _fields, parentPath: null, index: -1));

    private static InterpretedRecord ReadRecord(Page page, IElement scope, CompiledField[] fields, string? parentPath, int index)
    {
        var values = new List<KeyValuePair<string, object?>>(fields.Length);
        foreach (var field in fields)
        {
            var fieldRef = parentPath is null ? new FieldRef(field.Model.Name) : new FieldRef(parentPath, index, field.Model.Name);
            values.Add(new KeyValuePair<string, object?>(field.Model.Name, ReadField(page, scope, field, fieldRef, parentPath)));
        }

        return new InterpretedRecord(values);
    }

    private static object? ReadField(Page page, IElement scope, CompiledField field, FieldRef fieldRef, string? parentPath)
    {
        var model = field.Model;
        var required = model.Required;
        if (model.Type == FieldType.Record)
        {
            var path = parentPath is null ? model.Name : fieldRef.ToString();
            if (model.Many)
            {
                var items = page.SelectItems(scope, fieldRef, field.Sources, required);
                var records = new InterpretedRecord[items.Count];
                for (var i = 0; i < items.Count; i++)
                {
                    records[i] = ReadRecord(page, items[i], field.Fields, path, i);
                }

                return records;
            }

            var item = page.SelectItem(scope, fieldRef, field.Sources, required);
            return item is null ? null : ReadRecord(page, item, field.Fields, path, -1);
        }

        var remove = field.Remove;
        var many = model.Many;
        var transforms = field.Transforms;
        return model.Type switch
        {
            FieldType.String => many ? page.ReadStrings(scope, fieldRef, field.Sources, remove, required, transforms) : page.ReadString(scope, fieldRef, field.Sources, remove, required, transforms),
            FieldType.Url => many ? page.ReadUrls(scope, fieldRef, field.Sources, remove, required, transforms) : page.ReadUrl(scope, fieldRef, field.Sources, remove, required, transforms),
            FieldType.Int => ReadValue<int>(page, scope, field, fieldRef, Conversions.TryInt),
            FieldType.Decimal => ReadValue<decimal>(page, scope, field, fieldRef, Conversions.TryDecimal),
            FieldType.Bool => ReadValue<bool>(page, scope, field, fieldRef, Conversions.TryBool),
            FieldType.DateTime => ReadValue<DateTimeOffset>(page, scope, field, fieldRef, Conversions.TryDateTime),
            FieldType.Date => ReadValue<DateOnly>(page, scope, field, fieldRef, Conversions.TryDate),
            _ => throw new InvalidOperationException("Unknown field type " + model.Type),
        };
    }

    private static object? ReadValue<T>(Page page, IElement scope, CompiledField field, FieldRef fieldRef, TryConvert<T> convert)
        where T : struct
    {
        var model = field.Model;
        if (model.Many)
        {
            return page.ReadAll(scope, fieldRef, field.Sources, field.Remove, model.Required, convert, field.Transforms);
        }

        var value = page.Read(scope, fieldRef, field.Sources, field.Remove, model.Required, convert, field.Transforms);

        // Generated records hold required value types as non-nullable: a missing one is default, as there.
        return model.Required ? value ?? default(T) : value;
    }

    private CompiledField[] Compile(EquatableArray<Field> fields)
    {
        var compiled = new CompiledField[fields.Count];
        for (var i = 0; i < compiled.Length; i++)
        {
            var field = fields[i];
            var sources = new ScrapeDsl.Source[field.Sources.Count];
            for (var s = 0; s < sources.Length; s++)
            {
                sources[s] = ToRuntime(field.Sources[s]);
                if (field.Sources[s].Transforms.Count > 0)
                {
                    var own = new RuntimeTransform[field.Sources[s].Transforms.Count];
                    for (var t = 0; t < own.Length; t++)
                    {
                        own[t] = ToRuntime(field.Sources[s].Transforms[t], field.Name);
                    }

                    sources[s] = sources[s].WithTransforms(own);
                }
            }

            RuntimeTransform[]? transforms = null;
            if (field.Transforms.Count > 0)
            {
                transforms = new RuntimeTransform[field.Transforms.Count];
                for (var t = 0; t < transforms.Length; t++)
                {
                    transforms[t] = ToRuntime(field.Transforms[t], field.Name);
                }
            }

            compiled[i] = new CompiledField(
                field,
                sources,
                field.Remove.Count > 0 ? Selectors(field.Remove) : null,
                Compile(field.Fields),
                transforms);
        }

        return compiled;
    }

    // Mirrors RuleEmitter.TransformExpression: the same factory, the same arguments.
    private RuntimeTransform ToRuntime(LanguageTransform transform, string field) => transform.Kind switch
    {
        TransformKind.Normalize => RuntimeTransform.Normalize(),
        TransformKind.Regex => RuntimeTransform.RegexExtract(transform.Text, transform.Group),
        TransformKind.Replace => RuntimeTransform.RegexReplace(transform.Text, transform.Replacement ?? string.Empty),
        TransformKind.StripPrefix => RuntimeTransform.StripPrefix(transform.Text),
        TransformKind.StripSuffix => RuntimeTransform.StripSuffix(transform.Text),
        TransformKind.Split => RuntimeTransform.Split(transform.Text),
        TransformKind.Date => RuntimeTransform.Date(transform.Formats.AsArray(), transform.Culture ?? string.Empty, transform.TimeZone, transform.YearFromUrl),
        TransformKind.Number => RuntimeTransform.Number(transform.Text),
        TransformKind.AbsoluteUrl => RuntimeTransform.AbsoluteUrl(),
        _ => RuntimeTransform.Custom(transform.Text, Custom(transform.Text, field)),
    };

    private Func<string, string?> Custom(string name, string field)
    {
        if (_custom is not null && _custom.TryGetValue(name, out var method))
        {
            return method;
        }

        _warnings.Add("field '" + field + "': custom transform '" + name + "' has no method in the interpreter; it yields no value (pass it to InterpretedRule.From)");
        return static _ => null;
    }

    // Mirrors RuleEmitter.SourceExpression.
    private static ScrapeDsl.Source ToRuntime(LanguageSource source) => source.Kind switch
    {
        LanguageSourceKind.Meta => ScrapeDsl.Source.Meta(source.Argument!),
        LanguageSourceKind.JsonLd => ScrapeDsl.Source.JsonLd(source.Argument!, source.LdTypes.AsArray()),
        LanguageSourceKind.ItemProp => ScrapeDsl.Source.ItemProp(source.Argument!),
        LanguageSourceKind.Const => ScrapeDsl.Source.Const(source.Argument!),
        _ => CssSource(source),
    };

    /// <summary>The same plan the generated extractor holds: the remove list and the top-level fields' sources.</summary>
    private static PagePlan Plan(Selector[] remove, CompiledField[] fields)
    {
        var sources = new ScrapeDsl.Source[fields.Length][];
        for (var i = 0; i < fields.Length; i++)
        {
            sources[i] = fields[i].Sources;
        }

        return new PagePlan(remove, sources);
    }

    private static ScrapeDsl.Source CssSource(LanguageSource source) => new(
        source.Css is null ? null : Selector.Parse(source.Css.Text),
        source.Value switch
        {
            LanguageValueKind.Html => ScrapeDsl.ValueKind.Html,
            LanguageValueKind.Attribute => ScrapeDsl.ValueKind.Attribute,
            _ => ScrapeDsl.ValueKind.Text,
        },
        source.Attribute);

    private static Selector[] Selectors(EquatableArray<SelectorSpec> selectors)
    {
        var parsed = new Selector[selectors.Count];
        for (var i = 0; i < parsed.Length; i++)
        {
            parsed[i] = Selector.Parse(selectors[i].Text);
        }

        return parsed;
    }

    private sealed record CompiledField(Field Model, ScrapeDsl.Source[] Sources, Selector[]? Remove, CompiledField[] Fields, RuntimeTransform[]? Transforms);
}
