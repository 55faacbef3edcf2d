using System.Runtime.InteropServices;

namespace Ltt.IO;

/// <summary>
/// Whether a path names something that is neither a regular file nor a folder, its symbolic links
/// followed: a FIFO, a socket or a device. A tree's files are read whole, and such a file never
/// ends a read (a FIFO blocks it, <c>/dev/zero</c> fills memory); a git branch can carry a link to
/// one. Reading stops at them.
/// </summary>
public static partial class SpecialFile
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    // stx_mode in struct statx: the same layout on every architecture, unlike struct stat's.
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000, Regular = 0x8000, Directory = 0x4000;

    /// <summary>True when <paramref name="path"/> exists and is neither a regular file nor a folder; false when it cannot be looked at.</summary>
    public static bool Is(string path)
    {
        if (!OperatingSystem.IsLinux())
            return false;
        Span<byte> statx = stackalloc byte[256];
        try
        {
            if (Statx(AtCurrentDirectory, path, 0, StatxType, ref MemoryMarshal.GetReference(statx)) != 0)
                return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        int type = MemoryMarshal.Read<ushort>(statx[ModeOffset..]) & TypeMask;
        return type is not (Regular or Directory);
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, ref byte buffer);
}
