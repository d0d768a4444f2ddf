using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Collab.Server.Storage;

/// <summary>
/// Reads a whole file only when it is a regular file (or a symbolic link to one) no larger than a cap: never a device
/// such as <c>/dev/zero</c>, a FIFO, a socket or a folder. On Linux the type and size come from <c>statx</c> before
/// anything is opened, and again from the opened handle, which is opened without blocking so that a FIFO swapped in
/// between cannot stall the read; at most the size found is read. Other systems (and a C library without statx) have
/// no such call in .NET: there the file must exist, not be a folder or device, and is read to at most the cap.
/// </summary>
internal static class RegularFile
{
    /// <summary>The file's bytes, or null with the reason it was refused.</summary>
    public static byte[]? TryRead(string path, long maxBytes, out string refusal)
    {
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            refusal = "the path holds a NUL character";
            return null;
        }
        try
        {
            if (OperatingSystem.IsLinux())
            {
                try
                {
                    return ReadOnLinux(path, maxBytes, out refusal);
                }
                catch (EntryPointNotFoundException)
                {
                    // A C library without statx (glibc before 2.28): the checks other systems get, below.
                }
            }
            return ReadElsewhere(path, maxBytes, out refusal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            refusal = e.Message;
            return null;
        }
    }

    private static byte[]? ReadOnLinux(string path, long maxBytes, out string refusal)
    {
        if (Statx(AtFdCwd, path, 0, out var byPath) != 0)
        {
            refusal = $"cannot be found or read (errno {Marshal.GetLastPInvokeError()})";
            return null;
        }
        if (Refuse(byPath, maxBytes, out refusal))
            return null;
        int descriptor = Open(path, ReadOnly | NonBlocking | NoControllingTerminal | CloseOnExec);
        if (descriptor < 0)
        {
            refusal = $"open failed (errno {Marshal.GetLastPInvokeError()})";
            return null;
        }
        using var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        if (Statx(descriptor, "", EmptyPath, out var opened) != 0)
        {
            refusal = $"statx of the opened file failed (errno {Marshal.GetLastPInvokeError()})";
            return null;
        }
        if (Refuse(opened, maxBytes, out refusal))
            return null;
        var bytes = new byte[(int)opened.Size]; // at most the cap, which is at most Array.MaxLength
        int filled = 0;
        while (filled < bytes.Length)
        {
            int read = RandomAccess.Read(handle, bytes.AsSpan(filled), filled);
            if (read == 0)
                break;
            filled += read;
        }
        return filled == bytes.Length ? bytes : bytes[..filled];
    }

    private static bool Refuse(in StatxBuffer status, long maxBytes, out string refusal)
    {
        refusal = (status.Mode & FileTypeMask) != RegularFileType ? $"not a regular file but {TypeName(status.Mode & FileTypeMask)}"
            : status.Size > (ulong)maxBytes ? $"{status.Size:N0} bytes, over the cap of {maxBytes:N0}"
            : "";
        return refusal.Length > 0;
    }

    private static string TypeName(int type) => type switch
    {
        0x1000 => "a FIFO",
        0x2000 => "a character device",
        0x4000 => "a folder",
        0x6000 => "a block device",
        0xC000 => "a socket",
        _ => $"of type 0x{type:x}",
    };

    private static byte[]? ReadElsewhere(string path, long maxBytes, out string refusal)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Attributes.HasFlag(FileAttributes.Device))
        {
            refusal = "missing, a folder or a device";
            return null;
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (copy.Length + read > maxBytes)
            {
                refusal = $"over the cap of {maxBytes:N0} bytes";
                return null;
            }
            copy.Write(buffer, 0, read);
        }
        refusal = "";
        return copy.ToArray();
    }

    // Linux's generic values (x86-64, arm64, arm, riscv64, loongarch64, ppc64le, s390x).
    private const int AtFdCwd = -100;
    private const int EmptyPath = 0x1000;
    private const uint TypeAndSize = 0x1 | 0x200;
    private const int ReadOnly = 0, NoControllingTerminal = 0x100, NonBlocking = 0x800, CloseOnExec = 0x80000;
    private const int FileTypeMask = 0xF000, RegularFileType = 0x8000;

    private static int Statx(int directory, string path, int flags, out StatxBuffer status) => StatxCall(directory, path, flags, TypeAndSize, out status);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int StatxCall(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out StatxBuffer status);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    /// <summary><c>struct statx</c>: the same 256-byte layout on every Linux architecture; only the fields used are named.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(40)]
        public ulong Size;
    }
}
