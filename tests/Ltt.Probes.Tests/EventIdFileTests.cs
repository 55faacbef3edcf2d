using Ltt.Probes.Ids;

namespace Ltt.Probes.Tests;

/// <summary>Appending new events to a tree's ltt/event-ids: the old text kept byte for byte, or nothing written.</summary>
public sealed class EventIdFileTests
{
    private static (EventIdMap Map, IReadOnlyList<string> Added) Grow(string text, params string[] events) =>
        EventIdMap.Parse(text, "ltt/event-ids").Map.Assign(events);

    [Fact]
    public void AppendsTheNewLinesInIdOrderAfterTheTextAsItIs()
    {
        using var tree = new TempDir();
        Directory.CreateDirectory(Path.Combine(tree.Path, "ltt"));
        string file = Path.Combine(tree.Path, "ltt", "event-ids");
        const string text = "# mine\n5 sched_switch   # the thread's\n2 block_plug";
        File.WriteAllText(file, text);
        var (map, added) = Grow(text, "sched_switch", "zz_new", "aa_new", "block_plug");

        Assert.Null(EventIdFile.Append(tree.Path, "ltt/event-ids", map, added));

        Assert.Equal(text + "\n6 aa_new\n7 zz_new\n", File.ReadAllText(file));
        Assert.Equal(["event-ids"], Directory.GetFiles(Path.Combine(tree.Path, "ltt")).Select(Path.GetFileName));
    }

    [Fact]
    public void ATreeWithoutAMapGetsOneWithItsHeader()
    {
        using var tree = new TempDir();
        var (map, added) = Grow("", "b", "a");

        Assert.Null(EventIdFile.Append(tree.Path, "ltt/event-ids", map, added));

        Assert.Equal(EventIdMap.Header + "2 a\n3 b\n", File.ReadAllText(Path.Combine(tree.Path, "ltt", "event-ids")));
    }

    [Fact]
    public void AFileEditedSinceTheIdsWereAssignedIsLeftAlone()
    {
        using var tree = new TempDir();
        Directory.CreateDirectory(Path.Combine(tree.Path, "ltt"));
        string file = Path.Combine(tree.Path, "ltt", "event-ids");
        File.WriteAllText(file, "2 a\n");
        var (map, added) = Grow("2 a\n", "a", "b");
        File.WriteAllText(file, "2 a\n3 b\n");

        string? failure = EventIdFile.Append(tree.Path, "ltt/event-ids", map, added);

        Assert.Equal("ltt/event-ids changed while ltt-gen ran (b is 3 there): run it again", failure);
        Assert.Equal("2 a\n3 b\n", File.ReadAllText(file));
    }

    [Fact]
    public void NothingNewWritesNothing()
    {
        using var tree = new TempDir();
        var (map, added) = Grow("", []);

        Assert.Null(EventIdFile.Append(tree.Path, "ltt/event-ids", map, added));
        Assert.False(Directory.Exists(Path.Combine(tree.Path, "ltt")));
    }
}
