using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Enumeration;
using System.Runtime.InteropServices;

namespace ScrapeDsl.Cli.Batch;

/// <summary>
/// The pages a batch reads: every <c>*.html</c>/<c>*.htm</c> under a folder, one file, or a glob such as
/// <c>pages/*.html</c> or <c>saved/**/*.html</c> (<c>*</c> and <c>?</c> within a segment, <c>**</c> any number of
/// folders). Sorted ordinally so runs are repeatable. Folders reached through a symbolic link are not searched (a link
/// back up the tree, <c>ln -s . loop</c>, would list every page again at every level); a symbolic link to a file is
/// listed like the file. What is listed need not be a regular file: <see cref="NotRegular"/> tells the runner which
/// entries it must not open.
/// </summary>
internal static class PageFiles
{
    // As Directory.EnumerateFiles with SearchOption.AllDirectories (hidden files included, an unreadable folder an error),
    // but deciding per folder whether to go into it.
    private static readonly EnumerationOptions s_below = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
    };

    public static List<string> Resolve(string input)
    {
        var files = new List<string>();
        if (Directory.Exists(input))
        {
            foreach (var file in FilesBelow(input))
            {
                if (file.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
                {
                    files.Add(file);
                }
            }
        }
        else if (File.Exists(input))
        {
            files.Add(input);
        }
        else if (input.IndexOfAny(new[] { '*', '?' }) >= 0)
        {
            var normalized = input.Replace('\\', '/');
            var wildcard = normalized.IndexOfAny(new[] { '*', '?' });
            var cut = normalized.LastIndexOf('/', wildcard);
            var root = cut < 0 ? "." : normalized.Substring(0, cut == 0 ? 1 : cut);
            var glob = "/" + normalized.Substring(cut + 1);
            if (!Directory.Exists(root))
            {
                throw new CliError($"folder '{root}' of '{input}' not found");
            }

            foreach (var file in FilesBelow(root))
            {
                var relative = "/" + Path.GetRelativePath(root, file).Replace('\\', '/');
                if (UrlPattern.PathMatches(glob, relative))
                {
                    files.Add(file);
                }
            }
        }
        else
        {
            throw new CliError($"'{input}' is not a folder, a file or a glob");
        }

        if (files.Count == 0)
        {
            throw new CliError($"no pages (*.html, *.htm) found for '{input}'");
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>
    /// What <paramref name="path"/> is when it is neither a regular file nor a symbolic link to one ("a FIFO", "a
    /// socket", …); null for a regular file, and for a path that cannot be examined (opening it then says why). Opening a
    /// FIFO for reading waits until something writes to it, and a device may never end: neither is a saved page.
    /// </summary>
    public static string? NotRegular(string path)
    {
        // Windows has no FIFOs or device files among a folder's files.
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        int type;
        try
        {
            if (SystemNative.Stat(path, out var status) != 0)
            {
                return null;
            }

            type = status.Mode & SystemNative.TypeMask;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            // A runtime without the call: read every file, as before the check.
            return null;
        }

        return type switch
        {
            SystemNative.RegularFile => null,
            SystemNative.Fifo => "a FIFO (named pipe)",
            SystemNative.CharacterDevice => "a character device",
            SystemNative.BlockDevice => "a block device",
            SystemNative.Socket => "a socket",
            SystemNative.Directory => "a folder",
            _ => "not a regular file",
        };
    }

    // Every file below the folder (see the class summary for symbolic links), with the folder as given in front.
    private static FileSystemEnumerable<string> FilesBelow(string folder) =>
        new(folder, static (ref FileSystemEntry entry) => entry.ToSpecifiedFullPath(), s_below)
        {
            // IsDirectory is true for a link to a folder as well: neither is listed.
            ShouldIncludePredicate = static (ref FileSystemEntry entry) => !entry.IsDirectory,
            ShouldRecursePredicate = static (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };

    /// <summary>
    /// <c>stat</c> through the runtime's own native library, which every .NET on Unix ships: .NET has no public API that
    /// tells a FIFO or a device from a regular file (FileAttributes says Normal for all of them; dotnet/runtime#62868).
    /// Its <c>FileStatus</c> starts with two 32-bit fields, Flags and Mode, and Mode's file type bits are POSIX's values.
    /// </summary>
    private static class SystemNative
    {
        public const int TypeMask = 0xF000;
        public const int Fifo = 0x1000;
        public const int CharacterDevice = 0x2000;
        public const int Directory = 0x4000;
        public const int BlockDevice = 0x6000;
        public const int RegularFile = 0x8000;
        public const int Socket = 0xC000;

        /// <summary>Follows symbolic links, as opening the file does. Returns 0 on success.</summary>
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
        public static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

        /// <summary>The leading fields of the runtime's FileStatus; the size leaves room for the rest, which grows with runtime versions.</summary>
        [StructLayout(LayoutKind.Sequential, Size = 512)]
        public struct FileStatus
        {
            public int Flags;
            public int Mode;
        }
    }
}
