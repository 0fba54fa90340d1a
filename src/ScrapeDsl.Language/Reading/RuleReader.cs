using System;
using System.Collections.Generic;
using System.Globalization;
using ScrapeDsl.Language.Yaml;

namespace ScrapeDsl.Language;

/// <summary>The outcome of reading a rule file: the rule (null when it cannot be built) and every problem found.</summary>
/// <param name="Path">The file path.</param>
/// <param name="Rule">The rule, or null when errors prevent building it.</param>
/// <param name="Diagnostics">All problems, in file order.</param>
public sealed record RuleFile(string Path, Rule? Rule, EquatableArray<RuleDiagnostic> Diagnostics)
{
    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.Severity == RuleSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>
/// Reads and validates one rule file. The only code that decides whether a rule is valid: the generator, the
/// analyzer, the interpreter and <c>scrape check</c> all call it. Never throws for bad input.
/// </summary>
public sealed partial class RuleReader
{
    // Internal: docs/scrape.schema.json (editor completion) is held to these lists by RuleSchemaTests.
    internal static readonly string[] s_rootKeys = { "name", "description", "extends", "match", "remove", "fields", "examples" };
    internal static readonly string[] s_partialKeys = { "description", "extends", "remove", "fields" };
    internal static readonly string[] s_matchKeys = { "hosts", "paths", "exclude", "priority" };
    internal static readonly string[] s_fieldKeys = { "css", "attr", "value", "meta", "jsonld", "ldType", "itemprop", "const", "many", "required", "type", "fallback", "remove", "transform", "fields" };
    private static readonly string[] s_sourceKeys = { "css", "attr", "value", "meta", "jsonld", "ldType", "itemprop", "const" };
    internal static readonly string[] s_fallbackKeys = { "css", "attr", "value", "meta", "jsonld", "ldType", "itemprop", "const", "transform" };
    private static readonly string[] s_sourceKindKeys = { "css", "meta", "jsonld", "itemprop", "const" };
    internal static readonly string[] s_exampleKeys = { "page", "url" };
    internal static readonly string[] s_types = { "string", "int", "decimal", "bool", "datetime", "date", "url" };
    internal static readonly string[] s_values = { "text", "html", "attr" };

    private readonly string _path;
    private readonly string _text;
    private readonly bool _isPartial;
    private readonly List<RuleDiagnostic> _diagnostics = new();

    private RuleReader(string path, string text)
    {
        _path = path;
        _text = text;
        _isPartial = IsPartialPath(path);
    }

    /// <summary>True for a partial rule file: its file name starts with <c>_</c> (e.g. <c>_common.scrape.yaml</c>).</summary>
    public static bool IsPartialPath(string path)
    {
        var name = path ?? string.Empty;
        var slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
        return slash + 1 < name.Length && name[slash + 1] == '_';
    }

    /// <summary>Reads a rule file's text.</summary>
    public static RuleFile Read(string path, string text)
    {
        var reader = new RuleReader(path, text ?? string.Empty);
        Rule? rule = null;
        var root = YamlTreeReader.Read(text ?? string.Empty, path, reader._diagnostics);
        if (root is null)
        {
            if (reader._diagnostics.Count == 0)
            {
                reader.Report(RuleDiagnostics.MissingKey, new SourceSpan(0, 0, 1, 1, 1, 1), "A rule file", "name", "the file is empty; start with 'name: MyRecord' and 'fields:'");
            }
        }
        else
        {
            rule = reader.ReadRule(root);
        }

        reader._diagnostics.Sort(static (a, b) => a.Span.Start.CompareTo(b.Span.Start));
        var diagnostics = EquatableArray.From(reader._diagnostics);
        var file = new RuleFile(path, null, diagnostics);
        return file.HasErrors ? file : file with { Rule = rule };
    }

    private Rule? ReadRule(YamlNode root)
    {
        if (root is not YamlMapping map)
        {
            Report(RuleDiagnostics.WrongKind, root.Span, "the rule", "a mapping with 'name' and 'fields'", root.KindName);
            return null;
        }

        if (_isPartial)
        {
            return ReadPartial(map);
        }

        CheckKeys(map, s_rootKeys, "the rule");
        var nameNode = Get(map, "name");
        string? name = null;
        var nameSpan = map.Span;
        if (nameNode is null)
        {
            Report(RuleDiagnostics.MissingKey, FirstLine(map), "The rule", "name", "add 'name: MyRecord' (the C# record name)");
        }
        else if (Scalar(nameNode, "name") is { } nameScalar)
        {
            name = nameScalar.Value.Trim();
            nameSpan = nameScalar.Span;
            if (Names.CheckTypeName(name) is { } why)
            {
                Report(RuleDiagnostics.InvalidIdentifier, nameScalar.Span, name, "a record name", why);
            }
        }

        var description = Get(map, "description") is { } descriptionNode ? Scalar(descriptionNode, "description")?.Value : null;
        var match = ReadMatch(Get(map, "match"));
        var remove = ReadSelectors(Get(map, "remove"), "remove");
        var fieldsNode = Get(map, "fields");
        var fields = EquatableArray<Field>.Empty;
        if (fieldsNode is null)
        {
            Report(RuleDiagnostics.MissingKey, FirstLine(map), "The rule", "fields", "add a 'fields:' mapping with at least one field");
        }
        else
        {
            fields = ReadFields(fieldsNode, name ?? "the rule", nested: false);
        }

        var examples = ReadExamples(Get(map, "examples"));
        return name is null ? null : new Rule(name, nameSpan, description, match, remove, fields, examples) { Extends = ReadExtends(map) };
    }

    private Rule ReadPartial(YamlMapping map)
    {
        foreach (var entry in map.Entries)
        {
            if (Array.IndexOf(s_rootKeys, entry.Key.Value) >= 0 && Array.IndexOf(s_partialKeys, entry.Key.Value) < 0)
            {
                Report(LanguageDiagnostics.PartialKey, entry.Key.Span, entry.Key.Value);
            }
            else if (Array.IndexOf(s_partialKeys, entry.Key.Value) < 0)
            {
                var nearest = Names.Nearest(entry.Key.Value, s_partialKeys);
                Report(RuleDiagnostics.UnknownKey, entry.Key.Span, entry.Key.Value, "a partial rule",
                    nearest is null ? string.Empty : " (did you mean '" + nearest + "'?)", string.Join(", ", s_partialKeys));
            }
        }

        var description = Get(map, "description") is { } descriptionNode ? Scalar(descriptionNode, "description")?.Value : null;
        var remove = ReadSelectors(Get(map, "remove"), "remove");
        var fields = Get(map, "fields") is { } fieldsNode ? ReadFields(fieldsNode, "the partial rule", nested: false) : EquatableArray<Field>.Empty;
        var empty = new UrlMatch(EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, 0);
        return new Rule(string.Empty, FirstLine(map), description, empty, remove, fields, EquatableArray<Example>.Empty)
        {
            Extends = ReadExtends(map),
            IsPartial = true,
        };
    }

    private RuleReference? ReadExtends(YamlMapping map)
    {
        if (Get(map, "extends") is not { } node || Scalar(node, "extends") is not { } scalar)
        {
            return null;
        }

        var path = scalar.Value.Trim();
        if (!RuleFileNames.IsRuleFile(path))
        {
            Report(RuleDiagnostics.InvalidValue, scalar.Span, scalar.Value, "extends", "a path to a partial rule file relative to this file, such as ./_common.scrape.yaml");
            return null;
        }

        return new RuleReference(path, scalar.Span);
    }

    private UrlMatch ReadMatch(YamlNode? node)
    {
        var empty = new UrlMatch(EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, 0);
        if (node is null)
        {
            return empty;
        }

        if (node is not YamlMapping map)
        {
            Report(RuleDiagnostics.WrongKind, node.Span, "match", "a mapping with 'hosts', 'paths' and 'exclude'", node.KindName);
            return empty;
        }

        CheckKeys(map, s_matchKeys, "match");
        var priority = 0;
        if (Get(map, "priority") is { } priorityNode && Scalar(priorityNode, "priority") is { } priorityScalar
            && !int.TryParse(priorityScalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out priority))
        {
            Report(RuleDiagnostics.InvalidValue, priorityScalar.Span, priorityScalar.Value, "priority", "a whole number such as 10");
        }

        return new UrlMatch(
            ReadStrings(Get(map, "hosts"), "hosts"),
            ReadGlobs(Get(map, "paths"), "paths"),
            ReadGlobs(Get(map, "exclude"), "exclude"),
            priority);
    }

    private EquatableArray<string> ReadGlobs(YamlNode? node, string key)
    {
        var globs = ReadStrings(node, key);
        if (node is YamlSequence sequence)
        {
            for (var i = 0; i < globs.Count && i < sequence.Items.Count; i++)
            {
                if (!globs[i].StartsWith("/", StringComparison.Ordinal))
                {
                    Report(RuleDiagnostics.InvalidValue, sequence.Items[i].Span, globs[i], key, "a path glob starting with '/', such as \"/news/*\" or \"/**\"");
                }
            }
        }

        return globs;
    }

    private EquatableArray<Field> ReadFields(YamlNode node, string owner, bool nested)
    {
        if (node is not YamlMapping map)
        {
            Report(RuleDiagnostics.WrongKind, node.Span, "fields", "a mapping of field names to selectors or field settings", node.KindName);
            return EquatableArray<Field>.Empty;
        }

        if (map.Entries.Count == 0)
        {
            Report(RuleDiagnostics.MissingKey, map.Span, "'fields' of " + owner, "a field", "add at least one field, e.g. 'title: h1'");
        }

        var fields = new List<Field>();
        var properties = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            var key = entry.Key;
            if (Names.CheckFieldName(key.Value) is { } why)
            {
                Report(RuleDiagnostics.InvalidIdentifier, key.Span, key.Value, "a field name", why);
                continue;
            }

            var property = Names.ToPascalCase(key.Value);
            if (properties.TryGetValue(property, out var other))
            {
                Report(RuleDiagnostics.IdentifierCollision, key.Span, "Field", key.Value, property, "field '" + other.Value + "' on line " + other.Span.StartLine);
                continue;
            }

            if (string.Equals(property, owner, StringComparison.Ordinal))
            {
                Report(RuleDiagnostics.IdentifierCollision, key.Span, "Field", key.Value, property, "the record itself (a member cannot have its type's name)");
                continue;
            }

            properties.Add(property, key);
            if (ReadField(key, entry.Value, property, nested) is { } field)
            {
                fields.Add(field);
            }
        }

        // A nested record type is named {Property}Item; it must not clash with a property of the same record,
        // nor with the record that contains it (CS0542).
        foreach (var field in fields)
        {
            if (field.Type != FieldType.Record)
            {
                continue;
            }

            var itemType = Names.ItemTypeName(field.PropertyName);
            if (properties.TryGetValue(itemType, out var clash))
            {
                Report(RuleDiagnostics.IdentifierCollision, clash.Span, "Field", clash.Value, clash.Value, "the record type of field '" + field.Name + "'");
            }

            if (string.Equals(itemType, owner, StringComparison.Ordinal))
            {
                Report(RuleDiagnostics.IdentifierCollision, field.NameSpan, "Field", field.Name, itemType, "the record that contains it (a nested record's type is the field's C# name plus 'Item')");
            }
        }

        return EquatableArray.From(fields);
    }

    private Field? ReadField(YamlScalar key, YamlNode node, string property, bool nested)
    {
        if (node is YamlScalar shortForm)
        {
            // 'many: true' or 'type: datetime' one indent too far left is a field of its own: say so before SCR017 does.
            if (Array.IndexOf(s_fieldKeys, key.Value) >= 0)
            {
                Report(LanguageDiagnostics.FieldNamedLikeKey, key.Span, key.Value, shortForm.Value);
            }

            var selector = ReadSelector(shortForm, key.Value);
            return selector is null
                ? null
                : new Field(key.Value, property, key.Span, FieldType.String, false, false,
                    new EquatableArray<Source>(new[] { new Source(selector, ValueKind.Text, null) }),
                    EquatableArray<SelectorSpec>.Empty, EquatableArray<Field>.Empty);
        }

        if (node is not YamlMapping map)
        {
            Report(RuleDiagnostics.WrongKind, node.Span, key.Value, "a CSS selector or a mapping of field settings", node.KindName);
            return null;
        }

        // Counted before the keys are checked: a misspelled source key ('csss') is the one error, not also "no source" (SCR012).
        var errorsBefore = CountErrors();
        CheckKeys(map, s_fieldKeys, "field '" + key.Value + "'");
        var many = ReadBool(map, "many");
        var required = ReadBool(map, "required");
        var nestedNode = Get(map, "fields");
        var type = ReadType(map, key.Value);
        var sources = new List<Source>();
        if (HasSourceKey(map) || nested)
        {
            if (ReadSource(map, key.Value, isFallback: false) is { } primary)
            {
                sources.Add(primary);
            }
        }

        if (Get(map, "fallback") is { } fallbackNode)
        {
            if (fallbackNode is YamlSequence fallbacks)
            {
                foreach (var item in fallbacks.Items)
                {
                    if (ReadSource(item, key.Value, isFallback: true) is { } fallback)
                    {
                        if (item is YamlMapping fallbackMap && Get(fallbackMap, "transform") is { } own)
                        {
                            fallback = fallback with { Transforms = ReadTransforms(own, key.Value, many, type) };
                        }

                        sources.Add(fallback);
                    }
                }
            }
            else
            {
                Report(RuleDiagnostics.WrongKind, fallbackNode.Span, "fallback", "a list of sources, e.g. [{ css: h1 }]", fallbackNode.KindName);
            }
        }

        if (sources.Count == 0 && CountErrors() == errorsBefore)
        {
            Report(RuleDiagnostics.NoSource, key.Span, key.Value, nested ? string.Empty : " (only fields of list items may omit it to read the item itself)");
            return null;
        }

        var fields = EquatableArray<Field>.Empty;
        if (nestedNode is not null)
        {
            if (type is not null && type != FieldType.String)
            {
                Report(RuleDiagnostics.Conflict, Get(map, "type")!.Span, "Field '" + key.Value + "' has nested 'fields', so it is a record; remove 'type'");
            }

            foreach (var source in sources)
            {
                if (source.Value != ValueKind.Text)
                {
                    Report(RuleDiagnostics.Conflict, key.Span, "Field '" + key.Value + "' has nested 'fields', so its sources select elements; remove 'attr' and 'value'");
                    break;
                }
            }

            foreach (var source in sources)
            {
                if (source.Kind != SourceKind.Css)
                {
                    Report(RuleDiagnostics.Conflict, source.Span, "Field '" + key.Value + "' has nested 'fields', so its sources select elements: use 'css', not '" + KindKey(source.Kind) + "'");
                    break;
                }
            }

            if (Get(map, "transform") is { } transformNode)
            {
                Report(RuleDiagnostics.Conflict, transformNode.Span, "Field '" + key.Value + "' has nested 'fields', so it is a record; put 'transform' on its fields");
            }

            fields = ReadFields(nestedNode, Names.ItemTypeName(property), nested: true);
            type = FieldType.Record;
        }
        else if (type is not null and not FieldType.String && sources.Exists(static s => s.Value == ValueKind.Html))
        {
            Report(RuleDiagnostics.Conflict, Get(map, "type")!.Span, "Field '" + key.Value + "' reads HTML ('value: html'), which is text; remove 'type' or read text");
        }

        var transforms = type == FieldType.Record ? EquatableArray<Transform>.Empty : ReadTransforms(Get(map, "transform"), key.Value, many, type);
        return new Field(key.Value, property, key.Span, type ?? FieldType.String, many, required,
            EquatableArray.From(sources), ReadSelectors(Get(map, "remove"), "remove"), fields)
        {
            Transforms = transforms,
        };
    }

    private Source? ReadSource(YamlNode node, string field, bool isFallback)
    {
        if (node is YamlScalar scalar)
        {
            var selector = ReadSelector(scalar, field);
            return selector is null ? null : new Source(selector, ValueKind.Text, null);
        }

        if (node is not YamlMapping map)
        {
            Report(RuleDiagnostics.WrongKind, node.Span, field, "a CSS selector or a source mapping", node.KindName);
            return null;
        }

        if (isFallback)
        {
            CheckKeys(map, s_fallbackKeys, "a fallback of '" + field + "'");
        }

        var kindKeys = new List<YamlScalar>();
        foreach (var entry in map.Entries)
        {
            if (Array.IndexOf(s_sourceKindKeys, entry.Key.Value) >= 0)
            {
                kindKeys.Add(entry.Key);
            }
        }

        if (kindKeys.Count > 1)
        {
            Report(RuleDiagnostics.Conflict, kindKeys[1].Span, "A source reads one place, but '" + field + "' has both '" + kindKeys[0].Value + "' and '" + kindKeys[1].Value + "'; move one into 'fallback'");
            return null;
        }

        if (kindKeys.Count == 1 && kindKeys[0].Value != "css")
        {
            return ReadOtherSource(map, kindKeys[0], field);
        }

        if (Get(map, "ldType") is { } strayType)
        {
            Report(RuleDiagnostics.Conflict, strayType.Span, "'ldType' filters JSON-LD objects; it needs 'jsonld: <path>' beside it");
            return null;
        }

        SelectorSpec? css = null;
        if (Get(map, "css") is { } cssNode)
        {
            css = Scalar(cssNode, "css") is { } cssScalar ? ReadSelector(cssScalar, field) : null;
            if (css is null)
            {
                return null;
            }
        }

        string? attr = null;
        if (Get(map, "attr") is { } attrNode && Scalar(attrNode, "attr") is { } attrScalar)
        {
            attr = attrScalar.Value.Trim();
            if (attr.Length == 0)
            {
                Report(RuleDiagnostics.InvalidValue, attrScalar.Span, attrScalar.Value, "attr", "an attribute name such as href or content");
                return null;
            }
        }

        var value = attr is null ? ValueKind.Text : ValueKind.Attribute;
        if (Get(map, "value") is { } valueNode && Scalar(valueNode, "value") is { } valueScalar)
        {
            switch (valueScalar.Value)
            {
                case "text":
                case "html":
                    if (attr is not null)
                    {
                        Report(RuleDiagnostics.Conflict, valueScalar.Span, "'value: " + valueScalar.Value + "' contradicts 'attr: " + attr + "'; remove one of them");
                        return null;
                    }

                    value = valueScalar.Value == "html" ? ValueKind.Html : ValueKind.Text;
                    break;
                case "attr":
                    if (attr is null)
                    {
                        Report(RuleDiagnostics.MissingKey, valueScalar.Span, "'value: attr'", "attr", "name the attribute, e.g. 'attr: href'");
                        return null;
                    }

                    break;
                default:
                    Report(RuleDiagnostics.InvalidValue, valueScalar.Span, valueScalar.Value, "value", string.Join(", ", s_values));
                    return null;
            }
        }

        return new Source(css, value, attr) { Span = css?.Span ?? map.Span };
    }

    private Source? ReadOtherSource(YamlMapping map, YamlScalar kindKey, string field)
    {
        foreach (var stray in new[] { "attr", "value" })
        {
            if (Get(map, stray) is not null)
            {
                Report(RuleDiagnostics.Conflict, kindKey.Span, "'" + stray + "' belongs to 'css' sources; '" + kindKey.Value + "' reads its own value (see docs/rules.md)");
                return null;
            }
        }

        if (Get(map, kindKey.Value) is not { } node || Scalar(node, kindKey.Value) is not { } scalar)
        {
            return null;
        }

        var kind = kindKey.Value switch
        {
            "meta" => SourceKind.Meta,
            "jsonld" => SourceKind.JsonLd,
            "itemprop" => SourceKind.ItemProp,
            _ => SourceKind.Const,
        };

        var argument = kind == SourceKind.Const ? scalar.Value : scalar.Value.Trim();
        if (argument.Trim().Length == 0)
        {
            Report(RuleDiagnostics.InvalidValue, scalar.Span, scalar.Value, kindKey.Value, kind switch
            {
                SourceKind.Meta => "a meta name or property such as og:title or author",
                SourceKind.JsonLd => "a dotted JSON-LD path such as headline or author.name",
                SourceKind.ItemProp => "an itemprop name such as datePublished, or author.name for a nested item",
                _ => "a non-empty text",
            });
            return null;
        }

        if (kind is SourceKind.JsonLd or SourceKind.ItemProp)
        {
            foreach (var step in argument.Split('.'))
            {
                if (step.Length == 0 || step.IndexOf(' ') >= 0)
                {
                    Report(RuleDiagnostics.InvalidValue, scalar.Span, scalar.Value, kindKey.Value, "names joined by dots, without spaces or empty steps (e.g. author.name)");
                    return null;
                }
            }
        }

        var types = EquatableArray<string>.Empty;
        if (Get(map, "ldType") is { } typeNode)
        {
            if (kind != SourceKind.JsonLd)
            {
                Report(RuleDiagnostics.Conflict, typeNode.Span, "'ldType' filters JSON-LD objects; it needs 'jsonld: <path>' beside it");
                return null;
            }

            types = ReadStrings(typeNode, "ldType");
        }

        return new Source(null, ValueKind.Text, null) { Kind = kind, Argument = argument, LdTypes = types, Span = scalar.Span };
    }

    private bool HasSourceKey(YamlMapping map)
    {
        foreach (var key in s_sourceKeys)
        {
            if (Get(map, key) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static string KindKey(SourceKind kind) => kind switch
    {
        SourceKind.Meta => "meta",
        SourceKind.JsonLd => "jsonld",
        SourceKind.ItemProp => "itemprop",
        SourceKind.Const => "const",
        _ => "css",
    };

    private FieldType? ReadType(YamlMapping map, string field)
    {
        if (Get(map, "type") is not { } node || Scalar(node, "type") is not { } scalar)
        {
            return null;
        }

        switch (scalar.Value)
        {
            case "string": return FieldType.String;
            case "int": return FieldType.Int;
            case "decimal": return FieldType.Decimal;
            case "bool": return FieldType.Bool;
            case "datetime": return FieldType.DateTime;
            case "date": return FieldType.Date;
            case "url": return FieldType.Url;
            default:
                var nearest = Names.Nearest(scalar.Value, s_types);
                Report(RuleDiagnostics.InvalidValue, scalar.Span, scalar.Value, "type", string.Join(", ", s_types) + (nearest is null ? string.Empty : " (did you mean '" + nearest + "'?)"));
                return null;
        }
    }

    private bool ReadBool(YamlMapping map, string key)
    {
        if (Get(map, key) is not { } node || Scalar(node, key) is not { } scalar)
        {
            return false;
        }

        switch (scalar.Value)
        {
            case "true": return true;
            case "false": return false;
            default:
                Report(RuleDiagnostics.InvalidValue, scalar.Span, scalar.Value, key, "true, false");
                return false;
        }
    }

    private EquatableArray<SelectorSpec> ReadSelectors(YamlNode? node, string key)
    {
        if (node is null)
        {
            return EquatableArray<SelectorSpec>.Empty;
        }

        if (node is YamlScalar single && !single.IsNull)
        {
            return ReadSelector(single, key) is { } only ? new EquatableArray<SelectorSpec>(new[] { only }) : EquatableArray<SelectorSpec>.Empty;
        }

        if (node is not YamlSequence sequence)
        {
            Report(RuleDiagnostics.WrongKind, node.Span, key, "a list of CSS selectors", node.KindName);
            return EquatableArray<SelectorSpec>.Empty;
        }

        var selectors = new List<SelectorSpec>();
        foreach (var item in sequence.Items)
        {
            if (Scalar(item, key) is { } scalar && ReadSelector(scalar, key) is { } selector)
            {
                selectors.Add(selector);
            }
        }

        return EquatableArray.From(selectors);
    }

    private SelectorSpec? ReadSelector(YamlScalar scalar, string owner)
    {
        var text = scalar.IsNull ? string.Empty : scalar.Value;
        if (SelectorCheck.IsBlank(text))
        {
            Report(RuleDiagnostics.BlankSelector, scalar.Span);
            return null;
        }

        if (SelectorCheck.Validate(text) is { } hint)
        {
            Report(RuleDiagnostics.InvalidSelector, scalar.Span, text, hint);
            return null;
        }

        if (CommentTrap.Find(scalar, _text) is { } trap)
        {
            Report(LanguageDiagnostics.SelectorCutByComment, trap.Comment, text.Trim(), trap.Quoted);
        }

        return new SelectorSpec(text.Trim(), scalar.Span);
    }

    private EquatableArray<string> ReadStrings(YamlNode? node, string key)
    {
        if (node is null)
        {
            return EquatableArray<string>.Empty;
        }

        if (node is YamlScalar single)
        {
            return single.IsNull ? EquatableArray<string>.Empty : new EquatableArray<string>(new[] { single.Value.Trim() });
        }

        if (node is not YamlSequence sequence)
        {
            Report(RuleDiagnostics.WrongKind, node.Span, key, "a list of text values", node.KindName);
            return EquatableArray<string>.Empty;
        }

        var values = new List<string>();
        foreach (var item in sequence.Items)
        {
            if (Scalar(item, key) is { } scalar)
            {
                values.Add(scalar.Value.Trim());
            }
        }

        return EquatableArray.From(values);
    }

    private EquatableArray<Example> ReadExamples(YamlNode? node)
    {
        if (node is null)
        {
            return EquatableArray<Example>.Empty;
        }

        if (node is not YamlSequence sequence)
        {
            Report(RuleDiagnostics.WrongKind, node.Span, "examples", "a list of { page, url }", node.KindName);
            return EquatableArray<Example>.Empty;
        }

        var examples = new List<Example>();
        foreach (var item in sequence.Items)
        {
            if (item is not YamlMapping map)
            {
                Report(RuleDiagnostics.WrongKind, item.Span, "examples item", "a mapping { page: fixtures/page.html, url: https://… }", item.KindName);
                continue;
            }

            CheckKeys(map, s_exampleKeys, "an example");
            var pageNode = Get(map, "page");
            if (pageNode is null)
            {
                Report(RuleDiagnostics.MissingKey, map.Span, "An example", "page", "give the saved page's path relative to the rule file");
                continue;
            }

            if (Scalar(pageNode, "page") is not { } page)
            {
                continue;
            }

            string? url = null;
            if (Get(map, "url") is { } urlNode && Scalar(urlNode, "url") is { } urlScalar)
            {
                url = urlScalar.Value.Trim();
                if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != "http" && parsed.Scheme != "https"))
                {
                    Report(RuleDiagnostics.InvalidValue, urlScalar.Span, url, "url", "an absolute http(s) URL");
                }
            }

            examples.Add(new Example(page.Value.Trim(), url, page.Span));
        }

        return EquatableArray.From(examples);
    }

    private YamlScalar? Scalar(YamlNode node, string key)
    {
        if (node is YamlScalar scalar)
        {
            return scalar;
        }

        Report(RuleDiagnostics.WrongKind, node.Span, key, "text", node.KindName);
        return null;
    }

    private void CheckKeys(YamlMapping map, string[] allowed, string where)
    {
        foreach (var entry in map.Entries)
        {
            if (Array.IndexOf(allowed, entry.Key.Value) >= 0)
            {
                continue;
            }

            var nearest = Names.Nearest(entry.Key.Value, allowed);
            Report(RuleDiagnostics.UnknownKey, entry.Key.Span, entry.Key.Value, where,
                nearest is null ? string.Empty : " (did you mean '" + nearest + "'?)", string.Join(", ", allowed));
        }
    }

    private static YamlNode? Get(YamlMapping map, string key)
    {
        foreach (var entry in map.Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return entry.Value;
            }
        }

        return null;
    }

    private static SourceSpan FirstLine(YamlMapping map) =>
        map.Entries.Count > 0 ? map.Entries[0].Key.Span : map.Span;

    private int CountErrors() => _diagnostics.FindAll(static d => d.Severity == RuleSeverity.Error).Count;

    private void Report(RuleDiagnosticDescriptor descriptor, SourceSpan span, params object[] args) =>
        _diagnostics.Add(RuleDiagnostics.Create(descriptor, _path, span, args));
}
