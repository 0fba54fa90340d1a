using System;
using System.Collections.Generic;

namespace ScrapeDsl.Language;

/// <summary>The rule files of a project after <c>extends</c> is resolved, and the problems resolution found.</summary>
/// <param name="Files">Every file; a rule that extends a partial holds the merged <c>remove</c> and <c>fields</c>; a file whose chain is broken has no rule.</param>
/// <param name="Diagnostics">Only the problems found by resolving (missing target, cycle, not a partial), at the <c>extends</c> line.</param>
public sealed record ResolvedRules(EquatableArray<RuleFile> Files, EquatableArray<RuleDiagnostic> Diagnostics);

/// <summary>
/// Resolves <c>extends</c> across the rule files of a project. A rule extends one partial file
/// (<c>_name.scrape.yaml</c>), which may extend another. Merging: the partial's <c>remove</c> list comes first, then the
/// rule's own (duplicates dropped); the rule's own fields come first in their order, then the partial's fields that the
/// rule does not define itself (a field of the same name replaces the partial's whole definition).
/// </summary>
public static class RuleResolver
{
    /// <summary>Resolves every file's <c>extends</c> chain against the other files.</summary>
    public static ResolvedRules Resolve(IReadOnlyList<RuleFile> files)
    {
        var byPath = new Dictionary<string, RuleFile>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            byPath[Normalize(file.Path)] = file;
        }

        RuleFile? Find(string target) => byPath.TryGetValue(target, out var found) ? found : null;
        var resolved = new List<RuleFile>(files.Count);
        var diagnostics = new List<RuleDiagnostic>();
        foreach (var file in files)
        {
            resolved.Add(file.Rule is { } rule ? file with { Rule = ResolveChain(file.Path, rule, Find, diagnostics) } : file);
        }

        return new ResolvedRules(EquatableArray.From(resolved), EquatableArray.From(diagnostics));
    }

    /// <summary>
    /// Resolves one rule's <c>extends</c> chain against the files <paramref name="find"/> returns by normalised path (see
    /// <see cref="Target"/>; null: no such file). Returns the rule itself when it extends nothing, the merged rule, or null
    /// when the chain is broken; the problem is added to <paramref name="diagnostics"/> (when given) at the <c>extends</c> line.
    /// Reads only the files on the chain, so a build can resolve each file on its own against an index of the others.
    /// </summary>
    public static Rule? ResolveChain(string path, Rule rule, Func<string, RuleFile?> find, List<RuleDiagnostic>? diagnostics)
    {
        if (rule.Extends is not { } reference)
        {
            return rule;
        }

        return Merge(new RuleFile(path, rule, EquatableArray<RuleDiagnostic>.Empty), rule, reference, find, new List<string> { Normalize(path) }, diagnostics, out _);
    }

    /// <summary>
    /// What resolving another file's <c>extends</c> reads of <paramref name="rule"/>: all of a partial; of any other rule only
    /// that it is not a partial (the problem names the path as written, not the rule). Files reduced this way resolve every
    /// chain exactly as the files themselves, and a rule's reduced form does not change when the rule is edited, so a build
    /// that indexes them needs to resolve no other file again after such an edit.
    /// </summary>
    public static Rule? AsTarget(Rule? rule) => rule is { IsPartial: false } ? NotAPartial : rule;

    private static readonly Rule NotAPartial = new(
        string.Empty,
        default,
        null,
        new UrlMatch(EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, 0),
        EquatableArray<SelectorSpec>.Empty,
        EquatableArray<Field>.Empty,
        EquatableArray<Example>.Empty);

    /// <summary>Reads a rule file from disk with the partials it extends (see <see cref="ReadWithExtends"/>).</summary>
    public static RuleFile ReadFile(string path) =>
        ReadWithExtends(path, System.IO.File.ReadAllText(path), static target => System.IO.File.Exists(target) ? System.IO.File.ReadAllText(target) : null);

    /// <summary>
    /// Reads one rule file and the partials it extends through <paramref name="readText"/> (null: not found), for
    /// tools that run a single file (the interpreter, <c>scrape run</c>). The result carries every diagnostic.
    /// </summary>
    public static RuleFile ReadWithExtends(string path, string text, Func<string, string?> readText)
    {
        var files = new List<RuleFile> { RuleReader.Read(path, text) };
        var seen = new HashSet<string>(StringComparer.Ordinal) { Normalize(path) };
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i].Rule?.Extends is not { } reference)
            {
                continue;
            }

            var target = Target(files[i].Path, reference.Path);
            if (seen.Add(target) && readText(target) is { } targetText)
            {
                files.Add(RuleReader.Read(target, targetText));
            }
        }

        var result = Resolve(files);
        var first = result.Files[0];
        var all = new List<RuleDiagnostic>(first.Diagnostics);
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Path == first.Path)
            {
                all.Add(diagnostic);
            }
        }

        for (var i = 1; i < result.Files.Count; i++)
        {
            all.AddRange(result.Files[i].Diagnostics);
        }

        return first with { Diagnostics = EquatableArray.From(all) };
    }

    /// <summary>The normalised path <paramref name="reference"/> names, relative to the folder of <paramref name="from"/>.</summary>
    public static string Target(string from, string reference)
    {
        var path = reference.Replace('\\', '/');
        if (!path.StartsWith("/", StringComparison.Ordinal) && !(path.Length > 1 && path[1] == ':'))
        {
            var folder = from.Replace('\\', '/');
            var slash = folder.LastIndexOf('/');
            path = (slash >= 0 ? folder.Substring(0, slash + 1) : string.Empty) + path;
        }

        return Normalize(path);
    }

    // Problems are reported (added to diagnostics) for the file being resolved only: further up the chain, a broken link
    // becomes one problem at this file's 'extends' line.
    private static Rule? Merge(RuleFile file, Rule rule, RuleReference reference, Func<string, RuleFile?> find, List<string> chain, List<RuleDiagnostic>? diagnostics, out string? cycle)
    {
        cycle = null;
        var target = Target(file.Path, reference.Path);
        if (find(target) is not { } baseFile)
        {
            diagnostics?.Add(RuleDiagnostics.Create(LanguageDiagnostics.ExtendsMissing, file.Path, reference.Span, reference.Path, target));
            return null;
        }

        if (chain.Contains(target))
        {
            var names = new List<string>();
            foreach (var step in chain)
            {
                names.Add(FileName(step));
            }

            names.Add(FileName(target));
            cycle = string.Join(" → ", names);
            diagnostics?.Add(RuleDiagnostics.Create(LanguageDiagnostics.ExtendsCycle, file.Path, reference.Span, cycle));
            return null;
        }

        if (baseFile.Rule is not { } baseRule)
        {
            return null; // its own errors are reported on it
        }

        if (!baseRule.IsPartial)
        {
            diagnostics?.Add(RuleDiagnostics.Create(LanguageDiagnostics.ExtendsNotPartial, file.Path, reference.Span, reference.Path));
            return null;
        }

        if (baseRule.Extends is { } next)
        {
            chain.Add(target);
            baseRule = Merge(baseFile, baseRule, next, find, chain, diagnostics: null, out cycle);
            if (baseRule is null)
            {
                diagnostics?.Add(cycle is not null
                    ? RuleDiagnostics.Create(LanguageDiagnostics.ExtendsCycle, file.Path, reference.Span, cycle)
                    : RuleDiagnostics.Create(LanguageDiagnostics.ExtendsMissing, file.Path, reference.Span, reference.Path, "a partial whose own 'extends' is broken (see its diagnostics)"));
                return null;
            }
        }

        return Combine(baseRule, rule, baseFile.Path);
    }

    /// <summary>Merges; what the rule inherits is marked with the file it is written in (already marked: from further up the chain).</summary>
    private static Rule Combine(Rule baseRule, Rule rule, string basePath)
    {
        var remove = new List<SelectorSpec>(baseRule.Remove.Count + rule.Remove.Count);
        foreach (var selector in baseRule.Remove)
        {
            remove.Add(selector.InheritedFrom is null ? selector with { InheritedFrom = basePath } : selector);
        }

        foreach (var selector in rule.Remove)
        {
            if (!remove.Exists(s => s.Text == selector.Text))
            {
                remove.Add(selector);
            }
        }

        // The rule's own fields first (the record reads like its file), then the inherited ones it does not redefine.
        var fields = new List<Field>(rule.Fields);
        foreach (var field in baseRule.Fields)
        {
            if (!fields.Exists(f => f.Name == field.Name))
            {
                fields.Add(field.InheritedFrom is null ? field with { InheritedFrom = basePath } : field);
            }
        }

        return rule with
        {
            Description = rule.Description ?? baseRule.Description,
            Remove = EquatableArray.From(remove),
            Fields = EquatableArray.From(fields),
        };
    }

    private static string FileName(string path) => path.Substring(path.LastIndexOf('/') + 1);

    /// <summary>A rule file's path as <c>extends</c> targets are compared (see <see cref="Target"/>): forward slashes, no <c>.</c> segments, <c>..</c> applied.</summary>
    public static string Normalize(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        var kept = new List<string>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part == "." || (part.Length == 0 && i > 0 && i < parts.Length - 1))
            {
                continue;
            }

            if (part == ".." && kept.Count > 0 && kept[kept.Count - 1] != "..")
            {
                kept.RemoveAt(kept.Count - 1);
                continue;
            }

            kept.Add(part);
        }

        return string.Join("/", kept);
    }
}
