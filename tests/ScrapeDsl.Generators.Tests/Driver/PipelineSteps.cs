using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ScrapeDsl.Generators.Tests.Driver;

/// <summary>What the generator's tracked steps did in a run: their outputs, why each was (re)computed, and what they hold.</summary>
internal static class PipelineSteps
{
    /// <summary>Every step name of <see cref="RuleGeneratorSteps"/>.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(RuleGeneratorSteps)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(static field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(static field => (string)field.GetRawConstantValue()!)
        .OrderBy(static name => name, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The outputs of one step in a run, with the reason each was produced (none when the step had nothing to do).</summary>
    public static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorDriverRunResult result, string step) =>
        result.Results.Single().TrackedSteps.TryGetValue(step, out var runs)
            ? runs.SelectMany(static run => run.Outputs).ToList()
            : Array.Empty<(object, IncrementalStepRunReason)>();

    /// <summary>The outputs of <paramref name="step"/> whose value is a <typeparamref name="T"/> satisfying <paramref name="predicate"/>.</summary>
    public static IReadOnlyList<IncrementalStepRunReason> ReasonsOf<T>(GeneratorDriverRunResult result, string step, Func<T, bool> predicate) =>
        Outputs(result, step).Where(output => output.Value is T value && predicate(value)).Select(static output => output.Reason).ToList();

    /// <summary>True for a reason that means "not recomputed" or "recomputed to an equal value".</summary>
    public static bool IsReused(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    /// <summary>Fails unless every step ran in both runs with equal outputs, and the second run reused all of them.</summary>
    public static void AssertAllCached(GeneratorDriverRunResult first, GeneratorDriverRunResult second)
    {
        var problems = new StringBuilder();
        var tracked = first.Results.Single().TrackedSteps.Keys.Intersect(All).OrderBy(static s => s, StringComparer.Ordinal);
        var trackedAgain = second.Results.Single().TrackedSteps.Keys.Intersect(All).OrderBy(static s => s, StringComparer.Ordinal);
        if (!tracked.SequenceEqual(trackedAgain))
        {
            problems.Append("The steps that ran differ: ").Append(string.Join(", ", tracked)).Append(" then ").Append(string.Join(", ", trackedAgain)).Append('\n');
        }

        foreach (var step in All)
        {
            var before = Outputs(first, step);
            var after = Outputs(second, step);
            if (!before.Select(static o => o.Value).SequenceEqual(after.Select(static o => o.Value)))
            {
                problems.Append(step).Append(": the outputs of an unchanged input are not equal between runs\n");
            }

            foreach (var output in after.Where(static o => !IsReused(o.Reason)))
            {
                problems.Append(step).Append(": ").Append(output.Reason).Append(" on an unchanged input: ").Append(output.Value).Append('\n');
            }
        }

        if (problems.Length > 0)
        {
            throw new InvalidOperationException("A second run on the same input recomputed steps:\n" + problems);
        }
    }

    /// <summary>
    /// Fails if any step output holds, at any depth, a value or a field declared with a Roslyn type: such models root
    /// compilations in memory and compare by reference, which defeats caching. <see cref="RuleGeneratorSteps.RuleFiles"/>
    /// and <see cref="RuleGeneratorSteps.ExamplePages"/> are the exceptions by nature: they filter and index the
    /// compiler's own AdditionalText inputs (which are not our model), so that only the pages a rule names are read.
    /// </summary>
    public static void AssertNoRoslynTypes(GeneratorDriverRunResult result)
    {
        var found = new List<string>();
        foreach (var step in All.Where(static s => s != RuleGeneratorSteps.RuleFiles && s != RuleGeneratorSteps.ExamplePages))
        {
            var outputs = Outputs(result, step);
            for (var i = 0; i < outputs.Count; i++)
            {
                found.AddRange(RoslynTypesIn(outputs[i].Value, step + "[" + i + "]"));
            }
        }

        if (found.Count > 0)
        {
            throw new InvalidOperationException("Pipeline step outputs hold Roslyn types:\n" + string.Join("\n", found));
        }
    }

    /// <summary>Where <paramref name="value"/> holds a Roslyn type: a value of one, or a field declared as one (even if null).</summary>
    public static IReadOnlyList<string> RoslynTypesIn(object? value, string path)
    {
        var found = new List<string>();
        Walk(value, typeof(object), path, new HashSet<object>(ReferenceEqualityComparer.Instance), found);
        return found;
    }

    private static void Walk(object? value, Type declared, string path, HashSet<object> seen, List<string> found)
    {
        if (IsRoslyn(declared))
        {
            found.Add(path + " is declared as " + declared);
        }

        if (value is null)
        {
            return;
        }

        var type = value.GetType();
        if (type != declared && IsRoslyn(type))
        {
            found.Add(path + " is a " + type);
        }

        if (type.IsPrimitive || type.IsEnum || type.IsPointer || value is string or decimal || (!type.IsValueType && !seen.Add(value)))
        {
            return;
        }

        if (value is Array array)
        {
            var index = 0;
            foreach (var item in array)
            {
                Walk(item, type.GetElementType()!, path + "[" + index++ + "]", seen, found);
            }

            return;
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), field.FieldType, path + "." + MemberName(field), seen, found);
            }
        }
    }

    private static bool IsRoslyn(Type type)
    {
        if (type.HasElementType)
        {
            return IsRoslyn(type.GetElementType()!);
        }

        if (type.IsGenericType && type.GetGenericArguments().Any(IsRoslyn))
        {
            return true;
        }

        var ns = type.Namespace ?? string.Empty;
        return ns == "Microsoft.CodeAnalysis" || ns.StartsWith("Microsoft.CodeAnalysis.", StringComparison.Ordinal);
    }

    // Records keep their properties in '<Name>k__BackingField'.
    private static string MemberName(FieldInfo field) =>
        field.Name.StartsWith("<", StringComparison.Ordinal) && field.Name.IndexOf('>') > 1
            ? field.Name.Substring(1, field.Name.IndexOf('>') - 1)
            : field.Name;
}
