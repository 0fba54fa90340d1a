namespace ScrapeDsl;

/// <summary>
/// The explicit stacks of the document walks (no recursion, so deep pages cannot overflow the call stack). Each thread
/// keeps its stacks from one walk to the next, cleared of document references, instead of renting them every time.
/// </summary>
internal static class FrameStack
{
    /// <summary>A stack grown beyond this many frames (a hostile page nests elements arbitrarily deep) is not kept.</summary>
    public const int KeptLength = 1024;
}
