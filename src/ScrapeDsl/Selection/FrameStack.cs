using System;
using System.Buffers;

namespace ScrapeDsl;

/// <summary>The explicit stacks of the document walks (no recursion, so deep pages cannot overflow the call stack).</summary>
internal static class FrameStack
{
    /// <summary>
    /// Doubles a full stack rented from the shared pool: the <paramref name="depth"/> frames in use move to a bigger
    /// rented array, and the old one goes back cleared (frames hold DOM references the pool must not keep alive).
    /// </summary>
    public static void Grow<T>(ref T[] stack, int depth)
    {
        var bigger = ArrayPool<T>.Shared.Rent(stack.Length * 2);
        Array.Copy(stack, bigger, depth);
        Array.Clear(stack, 0, stack.Length);
        ArrayPool<T>.Shared.Return(stack);
        stack = bigger;
    }
}
