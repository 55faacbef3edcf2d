using System.Buffers.Binary;
using System.Text;

namespace Ltt.Validation.Kernel;

/// <summary>
/// Reads the release a compressed x86 kernel image says it is: the boot protocol header
/// (<c>HdrS</c> at 0x202) points at the version string (<c>kernel_version</c> at 0x20E, plus 0x200),
/// whose first word is what <c>uname -r</c> prints (Documentation/x86/boot.rst).
/// </summary>
public static class BzImage
{
    /// <summary>The image's release, or null with why.</summary>
    public static string? Release(string path, out string? error)
    {
        error = null;
        byte[] head = new byte[0x10000];
        int read;
        try
        {
            using var file = File.OpenRead(path);
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"{path}: {ex.Message}";
            return null;
        }
        if (read < 0x210 || Encoding.ASCII.GetString(head, 0x202, 4) != "HdrS")
        {
            error = $"{path}: not an x86 kernel image (no 'HdrS' boot header at byte 0x202)";
            return null;
        }
        int at = BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(0x20E)) + 0x200;
        if (at <= 0x200 || at >= read)
        {
            error = $"{path}: the boot header's version pointer (byte 0x20e) points outside the image's first {read} bytes";
            return null;
        }
        int end = at;
        while (end < read && head[end] is not (0 or (byte)' '))
            end++;
        return Encoding.ASCII.GetString(head, at, end - at);
    }
}
