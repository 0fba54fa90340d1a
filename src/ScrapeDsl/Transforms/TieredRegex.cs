using System;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace ScrapeDsl;

/// <summary>
/// A rule's regex, run by .NET's interpreter until it has been used often enough to repay compiling it to IL, then by
/// the compiled one, the way tiered compilation treats methods. Constructing an interpreted regex costs microseconds;
/// compiling one and running it once costs 0.5–2 ms (up to 13 ms for the first in a process), which is too much for
/// <c>scrape run</c> on one page with a dozen regexes, and little for a batch or a service that runs the same rule on
/// thousands of pages, where each match then takes 0.05–0.5 µs less (docs/performance.md).
/// </summary>
/// <remarks>
/// Both are .NET's backtracking engine with the same pattern, options and timeout, so a value cannot depend on which one
/// ran (<c>TieredRegexTests</c> compares them). The compiled regex is built once, on the thread pool, by whichever
/// caller makes the use that reaches the threshold; every caller keeps the interpreted one until it is ready.
/// </remarks>
internal sealed class TieredRegex
{
    /// <summary>
    /// Uses before compiling: a hundred pages of a rule that runs the regex once per page, by when the rule is being run
    /// in volume. The compilation then runs on another thread; at worst (a batch that ends soon after) it costs a process
    /// a few milliseconds of that thread per pattern, and in a long run it pays for itself within a few thousand uses.
    /// </summary>
    internal const int UsesBeforeCompiling = 100;

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    private Regex _regex;
    private int _uses;

    /// <summary>Prepares the interpreted regex; throws <see cref="ArgumentException"/> for an invalid pattern.</summary>
    public TieredRegex(string pattern)
    {
        Interpreted = new Regex(pattern, Options, Transform.RegexTimeout);
        _regex = Interpreted;
    }

    /// <summary>The regex to run now; counts a use.</summary>
    public Regex Regex
    {
        get
        {
            if (_uses < UsesBeforeCompiling && Interlocked.Increment(ref _uses) == UsesBeforeCompiling)
            {
                Compiling = Task.Run(Compile);
            }

            return Volatile.Read(ref _regex);
        }
    }

    /// <summary>The regex as written, without counting a use (for descriptions and group numbers).</summary>
    public Regex Interpreted { get; }

    /// <summary>The compilation once it has started (tests wait for it); null before.</summary>
    internal Task? Compiling { get; private set; }

    /// <summary>True once the compiled regex is the one <see cref="Regex"/> returns.</summary>
    internal bool IsCompiled => (Volatile.Read(ref _regex).Options & RegexOptions.Compiled) != 0;

    private void Compile()
    {
        // Where code cannot be generated at run time, .NET quietly keeps interpreting: still the same regex.
        var compiled = new Regex(Interpreted.ToString(), Options | RegexOptions.Compiled, Transform.RegexTimeout);
        Volatile.Write(ref _regex, compiled);
    }
}
