using Ltt.Testing;
using Ltt.Tracepoints.Kbuild;
using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Tests.Kbuild;

/// <summary>The include paths and defines a folder's Makefile gives its files, and trace headers that need them (fixtures/kbuild-flags, see its README).</summary>
public sealed class KbuildFlagsTests
{
    private static readonly string Tree = RepoPaths.TestData("Ltt.Tracepoints.Tests", "fixtures", "kbuild-flags");

    [Fact]
    public void AFolderGetsItsMakefilesIncludePathsAndDefinesAndAFolderWithoutOneItsParents()
    {
        var flags = new KbuildFlags(Tree);
        string top = Path.GetFullPath(Path.Combine(Tree, "fs", "fsx"));
        // ccflags-$(CONFIG_FSX_DEBUG)'s define is not taken: the option is not known to be set.
        string[] expected = ["-I" + top, "-I" + Path.Combine(top, "lib"), "-DFSX_TWO=2"];

        Assert.Equal(expected, flags.For("fs/fsx"));
        Assert.Equal(expected, flags.For("fs/fsx/sub", "trace.o"));
        Assert.Empty(flags.For("fs"));
    }

    [Fact]
    public void TraceHeadersThatNeedTheirFoldersFlagsAndTheirInstantiatingFileResolve()
    {
        ScanResult result = TracepointScanner.Scan(new ScanOptions { Tree = Tree });

        Assert.Empty(result.Unresolved);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(["fsx_iget", "fsx_sub_pair"], result.Sites.Select(s => s.Name).Order());
        var pair = result.Sites.Single(s => s.Name == "fsx_sub_pair").Fields.Single(f => f.Name == "pair");
        Assert.Equal(2, pair.ArrayLength);
    }
}
