using Ltt.Testing;
using Ltt.Tracepoints.Kbuild;
using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Tests.Kbuild;

/// <summary>
/// Which trace headers an architecture's build compiles, decided by the tree's own Kconfig and
/// Makefiles (fixtures/kbuild-scope, whose README says what each folder is), and the scan
/// leaving the others out as such instead of reporting them as errors.
/// </summary>
public sealed class BuildScopeTests
{
    private static readonly string Tree = RepoPaths.TestData("Ltt.Tracepoints.Tests", "fixtures", "kbuild-scope");

    [Theory]
    [InlineData("arch/s390/kvm/trace.h", "arch/s390/", "another architecture's build")]
    [InlineData("drivers/s390/cio/trace.h", "drivers/s390/", "named only by arch/s390/Makefile, in arch/s390/")]
    [InlineData("drivers/platform/trace.h", "drivers/platform/", "needs CONFIG_PLATFORM_THING (drivers/Makefile), which no x86 configuration can enable")]
    public void FoldersAnX86BuildNeverCompilesAreOut(string file, string folder, string reason)
    {
        var scope = BuildScope.Create(Tree, "x86");

        var why = scope.WhyNotBuilt(file);

        Assert.NotNull(why);
        Assert.Equal(folder, why.Folder);
        Assert.Contains(reason, why.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("drivers/wide/trace.h")]
    [InlineData("drivers/helptext/trace.h")]
    [InlineData("drivers/plain/sub/trace.h")]
    [InlineData("include/trace/events/core.h")]
    [InlineData("arch/x86/kvm/trace.h")]
    public void FoldersAnX86BuildCanCompileAreIn(string file)
    {
        Assert.Null(BuildScope.Create(Tree, "x86").WhyNotBuilt(file));
    }

    [Fact]
    public void TheSameTreeForS390TakesItsOwnFoldersIn()
    {
        var scope = BuildScope.Create(Tree, "s390");

        Assert.Null(scope.WhyNotBuilt("arch/s390/kvm/trace.h"));
        Assert.Null(scope.WhyNotBuilt("drivers/s390/cio/trace.h"));
        Assert.Equal("arch/x86/", scope.WhyNotBuilt("arch/x86/kvm/trace.h")?.Folder);
        Assert.NotNull(scope.WhyNotBuilt("drivers/platform/trace.h"));
    }

    [Fact]
    public void KconfigDependenciesThatCannotHoldDropASymbol()
    {
        var x86 = KconfigSymbols.Read(Tree, "x86")!;
        var s390 = KconfigSymbols.Read(Tree, "s390")!;

        Assert.True(x86.IsPossible("WIDE_THING"));      // PPC || COMPILE_TEST
        Assert.False(x86.IsPossible("PLATFORM_THING")); // inside a menu that depends on PPC
        Assert.False(x86.IsPossible("HELPED"));
        Assert.False(x86.IsDefined("HELP_TEXT_ONLY"));  // only in help text
        Assert.True(x86.IsPossible("HELP_TEXT_ONLY"));  // defined nowhere: generously, may be set
        Assert.False(x86.IsPossible("PPC"));            // defined by another architecture
        Assert.False(x86.IsPossible("ZTHING"));         // if S390
        Assert.False(x86.IsPossible("S390"));
        Assert.True(s390.IsPossible("ZTHING"));
        Assert.False(s390.IsPossible("WIDE_THING"));    // s390 has no COMPILE_TEST in this tree
    }

    [Fact]
    public void ATreeWithoutKbuildFilesKeepsEverythingButOtherArchitectures()
    {
        string tree = RepoPaths.TestData("Ltt.Tracepoints.Tests", "fixtures", "tree");

        Assert.Null(KconfigSymbols.Read(tree, "x86"));
        Assert.Null(BuildScope.Create(tree, "x86").WhyNotBuilt("drivers/demo/demo_trace.h"));
    }

    [Fact]
    public void TheScanLeavesOutWhatTheBuildNeverCompilesAndSaysWhy()
    {
        ScanResult result = TracepointScanner.Scan(new ScanOptions { Tree = Tree });

        Assert.Equal(["core_thing", "helptext_thing", "plain_thing", "wide_thing"], result.Sites.Select(s => s.Name).Order());
        Assert.Empty(result.Unresolved);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(
            ["arch/s390/kvm/trace.h arch/s390/", "drivers/platform/trace.h drivers/platform/", "drivers/s390/cio/trace.h drivers/s390/"],
            result.LeftOut.Select(h => $"{h.File} {h.Folder}").Order());
        Assert.All(result.LeftOut, h => Assert.Equal(1, h.Sites));
        Assert.Equal([new MacroCount("TRACE_EVENT", 4, 0, 0, 3)], result.CountsPerMacro());
    }

    [Fact]
    public void ScanningForTheOtherArchitectureTakesItsHeaders()
    {
        ScanResult result = TracepointScanner.Scan(new ScanOptions { Tree = Tree, Arch = "s390x" });

        Assert.Contains("s390_kvm_thing", result.Sites.Select(s => s.Name));
        Assert.Contains("s390_cio_thing", result.Sites.Select(s => s.Name));
        Assert.DoesNotContain(result.LeftOut, h => h.File.Contains("s390", StringComparison.Ordinal));
    }
}
