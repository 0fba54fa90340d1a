using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScrapeDsl.Generators;

namespace ScrapeDsl.Benchmarks;

/// <summary>
/// The caching proof: 500 rule files through a driver, then one file edited. Per-file steps (read + validate,
/// diagnostics, emit) must run again for that file only; the whole-collection steps run once and must hand the
/// 499 other rules on unchanged, so nothing else is emitted and the registry is not rewritten.
/// </summary>
public static class GeneratorCaching
{
    public static int Check(TextWriter log)
    {
        var files = SyntheticRules.Create(GeneratorBenchmarks.RuleCount);
        var compilation = CSharpCompilation.Create("GeneratorCaching", options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var edited = 250;
        var replacement = new InMemoryAdditionalText(files[edited].Path, SyntheticRules.Text(edited, "edited"));

        // As a build and the IDE run it (no step tracking), then with the steps recorded for the check below.
        var (coldBuild, editBuild, _) = ColdAndEdit(files, edited, replacement, compilation, trackSteps: false);
        var (cold, warm, driver) = ColdAndEdit(files, edited, replacement, compilation, trackSteps: true);
        var run = driver.GetRunResult().Results.Single();

        var failures = new List<string>();
        if (run.Exception is not null)
        {
            failures.Add("the generator threw: " + run.Exception.Message);
        }

        if (run.GeneratedSources.Length != GeneratorBenchmarks.RuleCount + 1)
        {
            failures.Add($"expected {GeneratorBenchmarks.RuleCount + 1} generated files, got {run.GeneratedSources.Length}");
        }

        log.WriteLine($"Generator caching ({GeneratorBenchmarks.RuleCount} rule files, file #{edited} edited; cold run {coldBuild.TotalMilliseconds:0} ms incl. JIT, edit run {editBuild.TotalMilliseconds:0} ms; with step tracking {cold.TotalMilliseconds:0} ms and {warm.TotalMilliseconds:0} ms):");
        foreach (var (step, perFile) in new[]
        {
            (RuleGeneratorSteps.RuleFiles, true),
            (RuleGeneratorSteps.ParsedRules, true),
            (RuleGeneratorSteps.Diagnostics, true),
            (RuleGeneratorSteps.ExtendsTargets, false),
            (RuleGeneratorSteps.ResolvedFiles, true),
            (RuleGeneratorSteps.RuleModels, true),
            (RuleGeneratorSteps.RulesToEmit, false),
            (RuleGeneratorSteps.NameCollisions, false),
            (RuleGeneratorSteps.Registry, false),
        })
        {
            if (!run.TrackedSteps.TryGetValue(step, out var runs))
            {
                failures.Add($"step {step} was not tracked");
                continue;
            }

            var outputs = runs.SelectMany(r => r.Outputs).Select(o => o.Reason).ToList();
            var counts = string.Join(", ", outputs.GroupBy(r => r).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));
            log.WriteLine($"  {step,-15} {runs.Length,3} run(s); outputs: {counts}");

            var changed = outputs.Count(r => r is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
            if (changed > 1)
            {
                failures.Add($"{step}: {changed} outputs changed; only the edited file's may");
            }

            if (perFile && runs.Length == GeneratorBenchmarks.RuleCount && outputs.Count(r => r != IncrementalStepRunReason.Cached) > 1)
            {
                failures.Add($"{step}: per-file step ran for more than the edited file");
            }
        }

        // What reached the source outputs: only inputs that are New or Modified run RuleEmitter again.
        var emitted = run.TrackedOutputSteps.SelectMany(s => s.Value)
            .SelectMany(r => r.Inputs)
            .Count(i => i.Source.Outputs[i.OutputIndex].Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        log.WriteLine($"  source outputs re-run for {emitted} input(s) (the edited rule's record and extractor, and its diagnostics)");
        if (emitted > 2)
        {
            failures.Add($"{emitted} source outputs re-ran; expected the edited rule only");
        }

        foreach (var failure in failures)
        {
            log.WriteLine("  FAIL " + failure);
        }

        return failures.Count;
    }

    private static (TimeSpan Cold, TimeSpan Edit, GeneratorDriver Driver) ColdAndEdit(
        ImmutableArray<AdditionalText> files, int edited, AdditionalText replacement, Compilation compilation, bool trackSteps)
    {
        var clock = Stopwatch.StartNew();
        var driver = SyntheticRules.CreateDriver(files, trackSteps).RunGenerators(compilation);
        var cold = clock.Elapsed;
        clock.Restart();
        driver = driver.ReplaceAdditionalText(files[edited], replacement).RunGenerators(compilation);
        return (cold, clock.Elapsed, driver);
    }
}
