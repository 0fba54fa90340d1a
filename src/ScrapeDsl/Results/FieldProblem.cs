namespace ScrapeDsl;

/// <summary>What went wrong (or was worth noting) while reading one field.</summary>
public enum ProblemKind
{
    /// <summary>No source yielded a value. Makes the result unsuccessful when the field is required.</summary>
    Missing,

    /// <summary>The first source yielded nothing and a fallback supplied the value.</summary>
    FallbackUsed,

    /// <summary>A value was found but could not be converted to the field's type.</summary>
    ConversionFailed,

    /// <summary>
    /// The page took longer than <see cref="PageParser.TimeLimit"/> to parse, so its parse was stopped and the fields were
    /// read from the part before that. A problem of the whole page (its field is empty); it makes the result unsuccessful.
    /// </summary>
    ParseStopped,

    /// <summary>
    /// A rule's regex ran past <see cref="Transform.RegexTimeout"/> on a value of this page. That value counted as no
    /// match, and the regex is not run again on this page (every later value counts as no match), so a page that makes
    /// a pattern backtrack catastrophically costs one timeout per regex, not one per value. A problem of the whole page
    /// (its field is empty); not an error by itself.
    /// </summary>
    RegexTimedOut,
}

/// <summary>One per-field entry of an extraction report.</summary>
/// <param name="Field">The field path, e.g. <c>title</c> or <c>feed[3].url</c>; empty for a problem of the whole page (<see cref="ProblemKind.ParseStopped"/>, <see cref="ProblemKind.RegexTimedOut"/>).</param>
/// <param name="Kind">What happened.</param>
/// <param name="Message">A human-readable explanation.</param>
/// <param name="IsError">True when this problem makes the result unsuccessful (a required field without a value, a stopped parse).</param>
/// <param name="SourceIndex">For <see cref="ProblemKind.FallbackUsed"/>: the 1-based number of the fallback that won.</param>
public sealed record FieldProblem(string Field, ProblemKind Kind, string Message, bool IsError, int? SourceIndex = null);
