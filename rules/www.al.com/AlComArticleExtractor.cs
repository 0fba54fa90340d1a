namespace ScrapeDsl.Rules;

/// <summary>Hand-written part of the generated extractor: the custom transforms its rule names.</summary>
public sealed partial class AlComArticleExtractor
{
    /// <summary><c>custom: NameBeforeContact</c>: "Mike Cason | mcason@al.com" → "Mike Cason".</summary>
    internal static string? NameBeforeContact(string value)
    {
        var bar = value.IndexOf('|');
        return bar < 0 ? value : value.Substring(0, bar);
    }
}
