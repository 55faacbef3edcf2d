using Ltt.Series.Routing;
using Ltt.Series.Trees;
using Ltt.Testing;

namespace Ltt.Series.Tests;

/// <summary>
/// The routing cache (parsed MAINTAINERS and .mailmap kept between runs) never changes an
/// answer: cold, warm, after an edit of either file, with a broken cache file, or with a
/// folder that cannot be written, every sample patch gets the answer of a fresh parse.
/// Each test works on its own copy of kernel-tree/ (with a .mailmap) and its own cache folder.
/// </summary>
public sealed class RoutingCacheTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ltt-routing-cache-" + Guid.NewGuid().ToString("N"));
    private readonly string _tree;
    private readonly string _cache;
    private readonly List<(string Name, string Text)> _patches;

    public RoutingCacheTests()
    {
        _tree = Path.Combine(_root, "tree");
        _cache = Path.Combine(_root, "cache");
        Copy(RepoPaths.KernelTree, _tree);
        _patches = Directory.GetFiles(RepoPaths.Patches, "*.patch").Order(StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllText(p))).ToList();
        // A .mailmap that applies: the first maintainer the samples reach gets another name.
        string someone = Answers(null).SelectMany(a => a.Split('\n')).First(l => l.Contains('<') && !l.Contains("list", StringComparison.OrdinalIgnoreCase));
        string address = someone[(someone.IndexOf('<') + 1)..someone.IndexOf('>')];
        File.WriteAllText(Path.Combine(_tree, ".mailmap"), $"# test\nMapped Person <{address}>\n");
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Cold_and_warm_cache_give_the_answers_of_a_fresh_parse()
    {
        var fresh = Answers(null);
        Assert.Contains(fresh, a => a.Contains("Mapped Person"));

        Assert.Equal(fresh, Answers(new RoutingCache(_cache)));
        string file = Assert.Single(Directory.GetFiles(_cache));
        // A warm run reads the file and does not write it again.
        var old = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, old);
        Assert.Equal(fresh, Answers(new RoutingCache(_cache)));
        Assert.Equal(old, File.GetLastWriteTimeUtc(file));
        // Each patch alone reads back only its sections: the same answers.
        foreach (var patch in _patches)
            Assert.Equal(Answers(null, [patch]), Answers(new RoutingCache(_cache), [patch]));
        Assert.Equal(old, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public void An_edited_MAINTAINERS_is_parsed_again()
    {
        var cache = new RoutingCache(_cache);
        var before = Answers(cache);
        string maintainers = Path.Combine(_tree, "MAINTAINERS");
        string text = File.ReadAllText(maintainers);
        string line = text.Split('\n').First(l => l.StartsWith("M:\t", StringComparison.Ordinal) && before.Any(a => a.Contains(l[3..])));
        File.WriteAllText(maintainers, text.Replace(line, "M:\tSomeone Else <someone.else@example.org>"));

        var after = Answers(cache);
        Assert.Equal(Answers(null), after);
        Assert.NotEqual(before, after);
        Assert.Contains(after, a => a.Contains("someone.else@example.org"));
        Assert.Equal(2, Directory.GetFiles(_cache).Length);
    }

    [Fact]
    public void An_edited_mailmap_is_read_again()
    {
        var cache = new RoutingCache(_cache);
        Assert.Contains(Answers(cache), a => a.Contains("Mapped Person"));
        File.WriteAllText(Path.Combine(_tree, ".mailmap"), File.ReadAllText(Path.Combine(_tree, ".mailmap")).Replace("Mapped Person", "Remapped Person"));

        var after = Answers(cache);
        Assert.Equal(Answers(null), after);
        Assert.Contains(after, a => a.Contains("Remapped Person"));
        Assert.DoesNotContain(after, a => a.Contains("Mapped Person <"));
        File.Delete(Path.Combine(_tree, ".mailmap"));
        Assert.Equal(Answers(null), Answers(cache));
        Assert.Equal(3, Directory.GetFiles(_cache).Length);
    }

    public static TheoryData<string> Breakages() => ["empty", "truncated", "one byte short", "garbage", "flipped byte", "another version", "another MAINTAINERS",
        "title out of bounds", "unknown tag", "huge count"];

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_cache_file_is_ignored_and_written_again(string how)
    {
        var fresh = Answers(null);
        var cache = new RoutingCache(_cache);
        Answers(cache);
        string file = Assert.Single(Directory.GetFiles(_cache));
        byte[] good = File.ReadAllBytes(file);
        byte[] broken = how switch
        {
            "empty" => [],
            "truncated" => good[..(good.Length / 2)],
            "one byte short" => good[..^1],
            "garbage" => Enumerable.Range(0, good.Length).Select(i => (byte)(i * 7919 >> 3)).ToArray(),
            "flipped byte" => Flip(good, good.Length - 100),
            "another version" => Flip(good, 8),
            // The header's MAINTAINERS length: a file made from other contents under this name.
            "another MAINTAINERS" => Flip(good, 12),
            // Damage the checksum cannot see (it is computed again): the reader's own checks.
            "title out of bounds" => Sealed(Set(good, HeaderBytes, int.MaxValue)),
            "unknown tag" => Sealed(Set(good, HeaderBytes + BitConverter.ToInt32(good, 13 * 4) * 5 * 4, 'z')),
            "huge count" => Sealed(Set(good, 14 * 4, int.MaxValue / 4)),
            _ => throw new ArgumentOutOfRangeException(nameof(how)),
        };
        File.WriteAllBytes(file, broken);

        Assert.Equal(fresh, Answers(cache));
        Assert.Equal(good, File.ReadAllBytes(file));
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_written_changes_nothing()
    {
        var fresh = Answers(null);
        // A file where the folder should be: nothing can be created in it (even as root).
        File.WriteAllText(Path.Combine(_root, "not-a-folder"), "");
        Assert.Equal(fresh, Answers(new RoutingCache(Path.Combine(_root, "not-a-folder"))));
        Assert.Equal(fresh, Answers(new RoutingCache(Path.Combine(_root, "not-a-folder", "ltt"))));
        Assert.Equal("", File.ReadAllText(Path.Combine(_root, "not-a-folder")));
    }

    [Fact]
    public void A_MAINTAINERS_with_errors_is_reported_and_not_cached()
    {
        string maintainers = Path.Combine(_tree, "MAINTAINERS");
        File.AppendAllText(maintainers, "\nBROKEN\nZ:\tnot a tag\n");
        var setup = RoutingSetup.Open(new DirectoryTree(_tree), null, null, new RoutingCache(_cache));
        Assert.Null(setup.Router);
        Assert.Contains(setup.Diagnostics, d => d.Message.Contains("unknown tag 'Z:'"));
        Assert.False(Directory.Exists(_cache) && Directory.GetFiles(_cache).Length > 0);
    }

    [Fact]
    public void The_user_cache_is_under_XDG_CACHE_HOME_or_HOME()
    {
        // Read-only check of the rule, without changing this process's environment.
        var user = RoutingCache.ForUser();
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string? expected = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg) ? Path.Combine(xdg, "ltt")
            : Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home && Path.IsPathRooted(home) ? Path.Combine(home, ".cache", "ltt") : null;
        Assert.Equal(expected, user?.Directory);
    }

    /// <summary>Every sample patch's route (recipients with their reasons, then sections), one string each, routed for the given patches' paths.</summary>
    private List<string> Answers(RoutingCache? cache, IReadOnlyList<(string Name, string Text)>? patches = null)
    {
        patches ??= _patches;
        var setup = RoutingSetup.Open(new DirectoryTree(_tree), null, patches.SelectMany(p => PatchScan.Paths(p.Text)), cache);
        Assert.Empty(setup.Diagnostics);
        return patches.Select(p => setup.Router!.Route(p.Name, p.Text))
            .Select(r => string.Join("\n", r.Recipients.Select(x => $"{x.Address} [{x.Section}:{x.Line} {x.Role} {x.Reason}]").Concat(r.Sections)))
            .ToList();
    }

    /// <summary>The cache file's header: 24 int32, the XxHash3 of the rest at int 21 (RoutingCacheFormat).</summary>
    private const int HeaderBytes = 24 * 4;

    private static byte[] Set(byte[] bytes, int at, int value)
    {
        var copy = (byte[])bytes.Clone();
        BitConverter.TryWriteBytes(copy.AsSpan(at), value);
        return copy;
    }

    private static byte[] Sealed(byte[] bytes)
    {
        BitConverter.TryWriteBytes(bytes.AsSpan(21 * 4), System.IO.Hashing.XxHash3.HashToUInt64(bytes.AsSpan(HeaderBytes)));
        return bytes;
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] ^= 0x5a;
        return copy;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
