using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ScrapeDsl;

/// <summary>A record produced by a rule; it knows how to write itself as JSON in declared field order.</summary>
public interface IExtractedRecord
{
    /// <summary>Writes the record as a JSON object.</summary>
    void WriteJson(Utf8JsonWriter writer);
}

/// <summary>The outcome of running a rule on a page, without the record's static type (for dispatch by URL).</summary>
public interface IExtractionResult
{
    /// <summary>The rule's record name, e.g. <c>RbcArticle</c>.</summary>
    string Rule { get; }

    /// <summary>The page URL the rule ran with, if any.</summary>
    Uri? Url { get; }

    /// <summary>True when every required field has a value.</summary>
    bool Success { get; }

    /// <summary>The record as far as it could be read; required members named in <see cref="Problems"/> hold default values.</summary>
    IExtractedRecord Partial { get; }

    /// <summary>Per-field problems in the order the fields were read.</summary>
    IReadOnlyList<FieldProblem> Problems { get; }
}

/// <summary>The typed outcome of running a rule on a page: the record plus a per-field report. Never thrown; always returned.</summary>
/// <typeparam name="T">The generated record type.</typeparam>
public sealed class ExtractionResult<T> : IExtractionResult
    where T : class, IExtractedRecord
{
    /// <summary>Creates a result; generated extractors and the interpreter call this.</summary>
    public ExtractionResult(string rule, Uri? url, T partial, IReadOnlyList<FieldProblem> problems)
    {
        Rule = rule;
        Url = url;
        Partial = partial;
        Problems = problems;
        foreach (var problem in problems)
        {
            if (problem.IsError)
            {
                return;
            }
        }

        Success = true;
    }

    /// <inheritdoc />
    public string Rule { get; }

    /// <inheritdoc />
    public Uri? Url { get; }

    /// <inheritdoc />
    public bool Success { get; }

    /// <summary>The record when <see cref="Success"/> is true; otherwise null (see <see cref="Partial"/>).</summary>
    public T? Value => Success ? Partial : null;

    /// <summary>The record as far as it could be read, even when unsuccessful.</summary>
    public T Partial { get; }

    IExtractedRecord IExtractionResult.Partial => Partial;

    /// <inheritdoc />
    public IReadOnlyList<FieldProblem> Problems { get; }
}
