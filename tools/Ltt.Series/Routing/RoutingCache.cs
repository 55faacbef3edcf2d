using System.IO.MemoryMappedFiles;
using Ltt.Series.Maintainers;

namespace Ltt.Series.Routing;

/// <summary>
/// A folder of parsed MAINTAINERS files (with their tree's <c>.mailmap</c>), so that a
/// one-patch run reads one compact file instead of parsing 20,000 lines: each file is named
/// and checked by both files' lengths and content hashes, so an edited MAINTAINERS or
/// .mailmap is parsed again (and cached under its new name), whatever its time stamps say.
/// The cache never changes an answer and never fails a command: a file that does not check
/// out (truncated, garbage, another version) is parsed around and replaced, and a folder
/// that cannot be written is simply not written. Files are written whole (a temporary file
/// renamed over the name); the folder keeps the <see cref="Keep"/> newest.
/// </summary>
public sealed class RoutingCache(string directory)
{
    /// <summary>How many cache files the folder keeps (one per MAINTAINERS version routed with, about 1 MB each).</summary>
    public const int Keep = 8;

    /// <summary>The folder the cache files are in.</summary>
    public string Directory { get; } = directory;

    /// <summary>
    /// The user's cache: <c>$XDG_CACHE_HOME/ltt</c>, or <c>~/.cache/ltt</c>; null (no cache)
    /// when neither variable names a folder.
    /// </summary>
    public static RoutingCache? ForUser()
    {
        string? root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(root) || !Path.IsPathRooted(root))
        {
            string? home = Environment.GetEnvironmentVariable("HOME");
            if (string.IsNullOrEmpty(home) || !Path.IsPathRooted(home))
                return null;
            root = Path.Combine(home, ".cache");
        }
        return new RoutingCache(Path.Combine(root, "ltt"));
    }

    /// <summary>The parsed files cached for these contents, or null (then parse, and <see cref="Store"/> the result).</summary>
    internal (MaintainersFile File, Mailmap Mailmap)? TryLoad(RoutingCacheFormat.Key key, string path, IReadOnlySet<string>? buckets)
    {
        try
        {
            // Mapped, not read: the pages come from the page cache as they are touched, where a
            // read would copy a megabyte into fresh memory first (most of a warm run's reading).
            // Cache files are only ever replaced by a rename, never truncated under a reader.
            using var handle = File.OpenHandle(System.IO.Path.Combine(Directory, key.FileName));
            long length = RandomAccess.GetLength(handle);
            if (length is 0 or > int.MaxValue)
                return null;
            using var map = MemoryMappedFile.CreateFromFile(handle, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            using var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            return Read(view, (int)length, key, path, buckets);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // no cache file yet (or an unreadable one): parsed and written again
        }
    }

    private static unsafe (MaintainersFile File, Mailmap Mailmap)? Read(MemoryMappedViewAccessor view, int length, RoutingCacheFormat.Key key, string path, IReadOnlySet<string>? buckets)
    {
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        try
        {
            return RoutingCacheFormat.Read(new ReadOnlySpan<byte>(start + view.PointerOffset, length), key, path, buckets);
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
    }

    /// <summary>Writes the cache file of a MAINTAINERS parsed without errors (its text and layout); a failure leaves the cache as it was.</summary>
    internal void Store(RoutingCacheFormat.Key key, string text, MaintainersLayout layout, Mailmap mailmap)
    {
        string target = System.IO.Path.Combine(Directory, key.FileName);
        string temp = System.IO.Path.Combine(Directory, $".{key.FileName}.tmp-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllBytes(temp, RoutingCacheFormat.Write(key, text, layout, mailmap));
            File.Move(temp, target, overwrite: true);
            Prune(target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>Deletes all but the <see cref="Keep"/> newest cache files (another process may be deleting them too).</summary>
    private void Prune(string kept)
    {
        var files = new DirectoryInfo(Directory).GetFiles("*.maintainers");
        if (files.Length <= Keep)
            return;
        foreach (var old in files.Where(f => f.FullName != kept).OrderByDescending(f => f.LastWriteTimeUtc).Skip(Keep - 1))
        {
            try
            {
                old.Delete();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
