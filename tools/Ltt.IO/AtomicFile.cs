using System.Text;

namespace Ltt.IO;

/// <summary>
/// A file written whole or not at all: the text goes to a hidden temporary file beside it,
/// which is renamed over the target. Reports (JUnit XML) and id maps are written this way.
/// </summary>
public static class AtomicFile
{
    /// <summary>Null when the file can be written where it is named (its folder exists, it is not a folder); otherwise why not.</summary>
    public static string? CheckWritable(string path)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            return $"{path}: is a folder, not a file";
        string? folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
            return $"{path}: no such folder {folder}";
        return null;
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no byte order mark); null, or why it could not (nothing changed then).</summary>
    public static string? Write(string path, string text)
    {
        if (CheckWritable(path) is { } problem)
            return problem;
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
            }
            return $"{path}: {ex.Message}";
        }
    }
}
