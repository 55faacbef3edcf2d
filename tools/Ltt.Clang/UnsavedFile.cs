using System.Text;

namespace Ltt.Clang;

/// <summary>A file given to libclang from memory: it shadows (or stands in for) the file at <see cref="Path"/>.</summary>
public sealed record UnsavedFile(string Path, byte[] Contents)
{
    public UnsavedFile(string path, string contents)
        : this(path, Encoding.UTF8.GetBytes(contents))
    {
    }
}
