using System;

namespace ScrapeDsl;

/// <summary>
/// The explicit stacks of the document walks (no recursion, so deep pages cannot overflow the call stack). Each thread
/// keeps its stacks from one walk to the next, cleared of document references, instead of renting them every time.
/// A walk takes its stack out of the thread's slot while it runs, so a walk started inside it gets a stack of its own.
/// </summary>
internal static class FrameStack
{
    /// <summary>A stack grown beyond this many frames (a hostile page nests elements arbitrarily deep) is not kept.</summary>
    public const int KeptLength = 1024;

    /// <summary>The thread's stack from <paramref name="slot"/>, which is left empty, or a new one.</summary>
    public static T[] Take<T>(ref T[]? slot)
    {
        var stack = slot ?? new T[32];
        slot = null;
        return stack;
    }

    /// <summary>Pushes <paramref name="frame"/>, growing the stack when it is full; <paramref name="deepest"/> is the most frames used, for <see cref="Keep"/>.</summary>
    public static void Push<T>(ref T[] stack, ref int depth, ref int deepest, T frame)
    {
        if (depth == stack.Length)
        {
            Array.Resize(ref stack, depth * 2);
        }

        stack[depth++] = frame;
        deepest = Math.Max(deepest, depth);
    }

    /// <summary>
    /// Clears the <paramref name="used"/> frames that hold document references and puts the stack back in
    /// <paramref name="slot"/>, unless a hostile page grew it beyond <see cref="KeptLength"/>.
    /// </summary>
    public static void Keep<T>(ref T[]? slot, T[] stack, int used)
    {
        Array.Clear(stack, 0, used);
        if (stack.Length <= KeptLength)
        {
            slot = stack;
        }
    }
}
