using System;
using System.Collections.Generic;
using AngleSharp.Dom;
using ScrapeDsl.Language;
using LanguageSource = ScrapeDsl.Language.Source;
using LanguageValueKind = ScrapeDsl.Language.ValueKind;

namespace ScrapeDsl.Interpreter;

/// <summary>
/// A rule run straight from its YAML model. Every field is read with exactly the runtime calls the generator
/// emits for it (see <c>RuleEmitter</c>), so interpreted and compiled output are byte-identical; a differential
/// test holds the two to that.
/// </summary>
public sealed class InterpretedRule : IExtractor
{
    private readonly UrlPattern _match;
    private readonly Selector[] _remove;
    private readonly CompiledField[] _fields;
    private readonly PagePlan _plan;

    private InterpretedRule(Rule rule)
    {
        Rule = rule;
        _match = new UrlPattern(rule.Match.Hosts.AsArray(), rule.Match.Paths.AsArray(), rule.Match.Exclude.AsArray());
        _remove = Selectors(rule.Remove);
        _fields = Compile(rule.Fields);
        _plan = Plan(_remove, _fields);
    }

    /// <summary>The rule model.</summary>
    public Rule Rule { get; }

    /// <inheritdoc />
    public string RuleName => Rule.Name;

    /// <inheritdoc />
    public int Priority => Rule.Match.Priority;

    /// <summary>Prepares a validated rule (selectors are parsed once, here).</summary>
    public static InterpretedRule From(Rule rule) => new(rule ?? throw new ArgumentNullException(nameof(rule)));

    /// <inheritdoc />
    public bool Matches(Uri url) => _match.Matches(url);

    /// <summary>Parses the HTML and runs the rule.</summary>
    public ExtractionResult<InterpretedRecord> Extract(string html, Uri? url) => Read(Page.Parse(html, url, _plan));

    /// <summary>Runs the rule on a document the caller owns (not modified).</summary>
    public ExtractionResult<InterpretedRecord> Extract(IDocument document, Uri? url) => Read(Page.Open(document, url, _plan));

    IExtractionResult IExtractor.ExtractUntyped(string html, Uri? url) => Extract(html, url);

    IExtractionResult IExtractor.ExtractUntyped(IDocument document, Uri? url) => Extract(document, url);

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
        return model.Type switch
        {
            FieldType.String => many ? page.ReadStrings(scope, fieldRef, field.Sources, remove, required) : page.ReadString(scope, fieldRef, field.Sources, remove, required),
            FieldType.Url => many ? page.ReadUrls(scope, fieldRef, field.Sources, remove, required) : page.ReadUrl(scope, fieldRef, field.Sources, remove, required),
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
            return page.ReadAll(scope, fieldRef, field.Sources, field.Remove, model.Required, convert);
        }

        var value = page.Read(scope, fieldRef, field.Sources, field.Remove, model.Required, convert);

        // Generated records hold required value types as non-nullable: a missing one is default, as there.
        return model.Required ? value ?? default(T) : value;
    }

    private static CompiledField[] Compile(EquatableArray<Field> fields)
    {
        var compiled = new CompiledField[fields.Count];
        for (var i = 0; i < compiled.Length; i++)
        {
            var field = fields[i];
            var sources = new ScrapeDsl.Source[field.Sources.Count];
            for (var s = 0; s < sources.Length; s++)
            {
                sources[s] = ToRuntime(field.Sources[s]);
            }

            compiled[i] = new CompiledField(
                field,
                sources,
                field.Remove.Count > 0 ? Selectors(field.Remove) : null,
                Compile(field.Fields));
        }

        return compiled;
    }

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

    private static ScrapeDsl.Source ToRuntime(LanguageSource source) => new(
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

    private sealed record CompiledField(Field Model, ScrapeDsl.Source[] Sources, Selector[]? Remove, CompiledField[] Fields);
}
