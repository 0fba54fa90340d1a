using System;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;

namespace ScrapeDsl.Language;

/// <summary>
/// Validates CSS selectors with AngleSharp's own selector parser, the engine that runs them, so the build and the
/// run time cannot disagree about what is valid.
/// </summary>
public static class SelectorCheck
{
    private static readonly CssSelectorParser s_parser = new();

    private static readonly (string Token, string Hint)[] s_jqueryHints =
    {
        (":eq(", "':eq(n)' is jQuery, not CSS; use ':nth-child(n+1)' or ':nth-of-type(n+1)'"),
        (":gt(", "':gt(n)' is jQuery, not CSS; use ':nth-child(n+2)' (CSS counts from 1)"),
        (":lt(", "':lt(n)' is jQuery, not CSS; use ':nth-child(-n+n)'"),
        (":first", "':first' is jQuery, not CSS; use ':first-child' or ':first-of-type' (a scalar field already takes the first match)"),
        (":last", "':last' is jQuery, not CSS; use ':last-child' or ':last-of-type'"),
        (":visible", "':visible' is jQuery, not CSS; select by class or attribute instead"),
        (":hidden", "':hidden' is jQuery, not CSS; select by class or attribute instead"),
        (":odd", "':odd' is jQuery, not CSS; use ':nth-child(even)' (jQuery counts from 0)"),
        (":even", "':even' is jQuery, not CSS; use ':nth-child(odd)' (jQuery counts from 0)"),
    };

    /// <summary>True when <paramref name="selector"/> is blank (which AngleSharp would read as <c>*</c>).</summary>
    public static bool IsBlank(string selector) => selector.Trim().Length == 0;

    /// <summary>Null when the selector is valid; otherwise a hint (possibly empty) to append to the error message.</summary>
    public static string? Validate(string selector)
    {
        if (ParseCore(selector) is not null)
        {
            return null;
        }

        foreach (var (token, hint) in s_jqueryHints)
        {
            if (selector.IndexOf(token, StringComparison.OrdinalIgnoreCase) >= 0 && !IsCssLookalike(selector, token))
            {
                return ": " + hint;
            }
        }

        return "; check brackets, quotes and pseudo-classes";
    }

    /// <summary>
    /// The selector parsed by the same parser (for the example checks), or null when it is blank or invalid.
    /// </summary>
    public static ISelector? Parse(string selector) => IsBlank(selector) ? null : ParseCore(selector);

    private static ISelector? ParseCore(string selector)
    {
        lock (s_parser)
        {
            try
            {
                return s_parser.ParseSelector(selector);
            }
            catch (Exception)
            {
                // The parser returns null for invalid input; an exception would be its bug, and still means "invalid".
                return null;
            }
        }
    }

    // ':first-child', ':last-of-type' etc. are CSS; only the bare jQuery forms get the hint.
    private static bool IsCssLookalike(string selector, string token)
    {
        var index = selector.IndexOf(token, StringComparison.OrdinalIgnoreCase);
        var after = index + token.Length;
        return !token.EndsWith("(", StringComparison.Ordinal) && after < selector.Length && selector[after] == '-';
    }
}
