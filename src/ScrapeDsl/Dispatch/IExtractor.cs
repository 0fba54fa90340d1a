using System;
using AngleSharp.Dom;

namespace ScrapeDsl;

/// <summary>A compiled (or interpreted) rule, without its record's static type: what dispatch by URL works with.</summary>
public interface IExtractor
{
    /// <summary>The rule's record name, e.g. <c>RbcArticle</c>.</summary>
    string RuleName { get; }

    /// <summary>Higher wins when several rules match one URL (default 0).</summary>
    int Priority { get; }

    /// <summary>True when the rule's <c>match</c> block accepts the URL.</summary>
    bool Matches(Uri url);

    /// <summary>Parses the HTML and runs the rule.</summary>
    IExtractionResult ExtractUntyped(string html, Uri? url);

    /// <summary>Runs the rule on a document the caller owns (it is not modified).</summary>
    IExtractionResult ExtractUntyped(IDocument document, Uri? url);

    /// <summary>Runs the rule on a page parsed with <see cref="PageParser"/>; a stopped parse is reported as a <c>parseStopped</c> problem.</summary>
    IExtractionResult ExtractUntyped(ParsedDocument page, Uri? url);
}
