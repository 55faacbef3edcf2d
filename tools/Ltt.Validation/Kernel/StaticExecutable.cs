using System.Buffers.Binary;

namespace Ltt.Validation.Kernel;

/// <summary>
/// Whether a file is an ELF64 executable that needs no dynamic loader (no <c>PT_INTERP</c>
/// program header): the only kind that runs in an initramfs with no libc in it.
/// </summary>
public static class StaticExecutable
{
    private const uint PtInterp = 3;

    public static bool Check(string path, out string? error)
    {
        error = null;
        byte[] bytes;
        try
        {
            using var file = File.OpenRead(path);
            bytes = new byte[Math.Min(file.Length, 1 << 16)];
            file.ReadExactly(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"{path}: {ex.Message}";
            return false;
        }
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F' || bytes[4] != 2)
        {
            error = $"{path}: not a 64-bit ELF file";
            return false;
        }
        long phoff = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(0x20));
        int phentsize = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x36));
        int phnum = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x38));
        for (int i = 0; i < phnum; i++)
        {
            long at = phoff + (long)i * phentsize;
            if (at + 4 > bytes.Length)
            {
                error = $"{path}: program header {i} at byte {at} is past the first {bytes.Length} bytes";
                return false;
            }
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)at)) == PtInterp)
            {
                error = $"{path}: dynamically linked (it names a program interpreter); install busybox-static";
                return false;
            }
        }
        return true;
    }
}
