using System;
using System.IO;
using System.Runtime.InteropServices;

namespace ScrapeDsl.Examples;

/// <summary>
/// Reads a saved page from disk without trusting the path to be one. Only a regular file is opened: opening a FIFO for
/// reading waits for a writer, and a device such as <c>/dev/zero</c> never ends. It is read as a stream that stops past
/// the limit, since a file whose size the file system does not know (<c>/proc</c>) says 0. Every command that reads a
/// page file (<c>run</c>, <c>new</c>, <c>batch</c>, and the example pages of <c>check</c> and <c>test</c>) reads it here.
/// </summary>
public static class PageFile
{
    /// <summary>
    /// The default size limit, in megabytes: the news corpus's largest page is 2.7 MB, and Googlebot reads the first
    /// 15 MB of a page and ignores the rest, so a larger page is not one its site means to be read.
    /// </summary>
    public const double DefaultMegabytes = 16;

    /// <summary><see cref="DefaultMegabytes"/> in bytes: the limit for example pages, which have no option of their own.</summary>
    public const long DefaultMaxBytes = (long)(DefaultMegabytes * 1_000_000);

    /// <summary>
    /// Why <paramref name="path"/> cannot be read as a page (not there, a folder, not a regular file, larger than
    /// <paramref name="maxBytes"/>), or null when it was read into <paramref name="bytes"/>. Read errors (permissions)
    /// are thrown as <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.
    /// </summary>
    public static string? TryRead(string path, long maxBytes, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        if (Directory.Exists(path))
        {
            return $"'{path}' is a folder, not a saved page";
        }

        if (!File.Exists(path))
        {
            return $"'{path}' not found";
        }

        if (NotRegular(path) is { } kind)
        {
            return $"'{path}' is {kind}, not a saved page";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var length = stream.CanSeek ? stream.Length : 0;
        if (length > maxBytes)
        {
            return $"'{path}' is {Megabytes(length)}, larger than the limit of {Megabytes(maxBytes)}";
        }

        if (ReadToLimit(stream, maxBytes) is not { } read)
        {
            // A file that reports no length, or one that grew while being read.
            return $"'{path}' is more than {Megabytes(maxBytes)}, the limit";
        }

        bytes = read;
        return null;
    }

    /// <summary>
    /// Reads <paramref name="input"/> to its end, stopping as soon as it passes <paramref name="maxBytes"/> (null then):
    /// a stream's length cannot be trusted (standard input, <c>/proc</c>, a file that grows while it is read).
    /// </summary>
    public static byte[]? ReadToLimit(Stream input, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
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

    private static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " MB";

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
