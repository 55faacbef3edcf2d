using Ltt.Series.Maintainers;

namespace Ltt.Series.Tests;

/// <summary>get_maintainer.pl's F:/X: pattern rules, one rule per case.</summary>
public sealed class FilePatternTests
{
    [Theory]
    [InlineData("kernel/trace/", "kernel/trace/ring_buffer.c", true)]
    [InlineData("kernel/trace/", "kernel/trace/sub/x.c", true)]
    [InlineData("kernel/trace/*.c", "kernel/trace/ring_buffer.c", true)]
    [InlineData("kernel/trace/*.c", "kernel/trace/sub/x.c", false)] // same slash count required
    [InlineData("kernel/trace/ring_buffer.c", "kernel/trace/ring_buffer.c.orig", true)] // the script anchors only at the start
    [InlineData("drivers/net/phy/bcm*.[ch]", "drivers/net/phy/bcm7xxx.c", true)]
    [InlineData("include/linux/ring?buffer.h", "include/linux/ring_buffer.h", true)]
    [InlineData("*", "Makefile", true)]
    [InlineData("*", "kernel/x.c", false)]
    [InlineData("*/", "kernel/x.c", true)]
    public void Pattern_matches_like_the_script(string value, string path, bool expected)
    {
        var pattern = FilePattern.Create(value, _ => false);
        Assert.Equal(expected, pattern.Matches(path));
    }

    [Fact]
    public void Directory_of_the_tree_gets_a_trailing_slash_and_matches_below()
    {
        var asFile = FilePattern.Create("kernel/trace", _ => false);
        var asDir = FilePattern.Create("kernel/trace", p => p == "kernel/trace");
        Assert.False(asFile.Matches("kernel/trace/x.c"));
        Assert.True(asDir.Matches("kernel/trace/x.c"));
        Assert.Equal(2, asDir.Depth);
        Assert.Equal(-1, FilePattern.Create("*", _ => false).Depth);
        Assert.Equal(3, FilePattern.Create("kernel/trace/*.c", _ => false).Depth);
    }
}
