using System.IO.Compression;
using System.Text;

namespace Ltt.Validation.Kernel;

/// <summary>
/// Writes an initramfs: a <c>newc</c> cpio archive (the format the kernel unpacks, as
/// <c>cpio -o -H newc</c> writes it), gzip-compressed. Entries keep the order they are added in,
/// a folder before what it holds; owner root, time 0, so the same input gives the same bytes.
/// </summary>
public sealed class CpioArchive
{
    private const int Directory = 0x4000, Regular = 0x8000, Symlink = 0xA000;

    private readonly List<(string Path, int Mode, byte[] Data)> _entries = [];
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

    /// <summary>Adds a folder and the folders above it that are missing.</summary>
    public void AddDirectory(string path)
    {
        path = Normalize(path);
        if (path.Length == 0 || _paths.Contains(path))
            return;
        int slash = path.LastIndexOf('/');
        if (slash > 0)
            AddDirectory(path[..slash]);
        Add(path, Directory | 0x1ED, []);
    }

    /// <summary>Adds a file with <paramref name="data"/>; executable files get mode 0755, others 0644.</summary>
    public void AddFile(string path, byte[] data, bool executable = false)
    {
        path = Normalize(path);
        AddParent(path);
        Add(path, Regular | (executable ? 0x1ED : 0x1A4), data);
    }

    public void AddSymlink(string path, string target)
    {
        path = Normalize(path);
        AddParent(path);
        Add(path, Symlink | 0x1FF, Encoding.UTF8.GetBytes(target));
    }

    /// <summary>Writes the archive, gzip-compressed, to <paramref name="file"/> (through a temporary file: never half-written).</summary>
    public void WriteGzip(string file)
    {
        string temp = file + ".tmp-" + Environment.ProcessId;
        using (var stream = File.Create(temp))
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest))
            Write(gzip);
        File.Move(temp, file, overwrite: true);
    }

    /// <summary>Writes the uncompressed archive.</summary>
    public void Write(Stream output)
    {
        int inode = 1;
        foreach (var (path, mode, data) in _entries)
            WriteEntry(output, path, mode, data, inode++, nlink: (mode & 0xF000) == Directory ? 2 : 1);
        WriteEntry(output, "TRAILER!!!", 0, [], 0, nlink: 1);
    }

    private void AddParent(string path)
    {
        int slash = path.LastIndexOf('/');
        if (slash > 0)
            AddDirectory(path[..slash]);
    }

    private void Add(string path, int mode, byte[] data)
    {
        if (!_paths.Add(path))
            throw new ArgumentException($"{path} is already in the archive", nameof(path));
        _entries.Add((path, mode, data));
    }

    private static string Normalize(string path) => path.Trim('/');

    private static void WriteEntry(Stream output, string name, int mode, byte[] data, int inode, int nlink)
    {
        byte[] nameBytes = Encoding.UTF8.GetBytes(name + "\0");
        var header = new StringBuilder("070701", 110);
        foreach (long field in new long[] { inode, mode, 0, 0, nlink, 0, data.Length, 0, 0, 0, 0, nameBytes.Length, 0 })
            header.Append(field.ToString("X8", System.Globalization.CultureInfo.InvariantCulture));
        output.Write(Encoding.ASCII.GetBytes(header.ToString()));
        output.Write(nameBytes);
        Pad(output, 110 + nameBytes.Length);
        output.Write(data);
        Pad(output, data.Length);
    }

    private static void Pad(Stream output, long written)
    {
        int padding = (int)((4 - written % 4) % 4);
        for (int i = 0; i < padding; i++)
            output.WriteByte(0);
    }
}
