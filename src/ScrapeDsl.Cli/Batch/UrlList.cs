using System;
using System.Collections.Generic;
using System.IO;

namespace ScrapeDsl.Cli.Batch;

/// <summary>
/// A sidecar list of page URLs (<c>--urls urls.tsv</c>): one <c>file&lt;TAB&gt;url</c> per line; <c>#</c> starts a comment.
/// A file is looked up by its full path (relative entries are relative to the list's folder), then by its file name.
/// </summary>
internal sealed class UrlList
{
    private readonly Dictionary<string, Uri> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Uri> _byName = new(StringComparer.Ordinal);

    public static UrlList Empty { get; } = new();

    public static UrlList Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliError($"URL list '{path}' not found");
        }

        var list = new UrlList();
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t');
            if (tab <= 0 || !Uri.TryCreate(line.Substring(tab + 1).Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                throw new CliError($"{path}({number}): expected 'file<TAB>absolute http(s) URL'");
            }

            var file = line.Substring(0, tab).Trim();
            list._byPath[Path.GetFullPath(Path.Combine(folder, file))] = url;
            list._byName[Path.GetFileName(file)] = url;
        }

        return list;
    }

    public Uri? Find(string file) =>
        _byPath.TryGetValue(Path.GetFullPath(file), out var url) ? url
        : _byName.TryGetValue(Path.GetFileName(file), out url) ? url
        : null;
}
