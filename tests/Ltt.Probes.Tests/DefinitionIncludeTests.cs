using Ltt.Validation.Harness;
using Ltt.Probes.Generation;
using Ltt.Probes.Ids;
using Ltt.Probes.Plan;
using Ltt.Probes.Spec;
using Ltt.Testing;
using Ltt.Tracepoints;
using Ltt.Tracepoints.Markers;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Tests;

/// <summary>
/// A module includes the header defining each struct its probes read members of (the scanned
/// type's DeclaredIn), as an include path: fs/ext4/mballoc.h from the top of the tree,
/// include/ and the uapi and generated folders as include roots. The spec's include lines come first.
/// </summary>
public sealed class DefinitionIncludeTests
{
    private static CType Struct(string tag, string? declaredIn, params CField[] fields) =>
        new("struct " + tag, "struct " + tag, CTypeKind.Struct, 16, 8, false, Fields: fields, DeclaredIn: declaredIn);

    private static CType Pointer(CType to) => new(to.Spelling + " *", to.Canonical + " *", CTypeKind.Pointer, 8, 8, false, Element: to);

    private static readonly CType PreallocSpace = Struct("ext4_prealloc_space", "fs/ext4/mballoc.h",
        new CField("pa_len", SampleScan.UInt, 0), new CField("pa_pstart", SampleScan.ULong, 8));

    private static readonly CType Inode = Struct("inode", "include/linux/fs.h", new CField("i_ino", SampleScan.ULong, 0));

    private static TracepointSite Site(string name, params TracepointArg[] args) =>
        new(SiteKind.DeclareTrace, name, "DECLARE_TRACE", new SourceLocation("fs/ext4/ext4_trace.h", 10), null, null, "ext4", args, []);

    private static IReadOnlyList<string> Includes(string spec, params TracepointSite[] sites)
    {
        var parsed = ProbeSpecParser.Parse(spec, "ltt/probes.spec");
        Assert.Empty(parsed.Diagnostics);
        var plan = ProbePlanner.Plan(SampleScan.Result(sites), parsed.Spec, EventIdMap.Empty, TargetAbi.X86_64);
        Assert.Empty(plan.Diagnostics);
        return Assert.Single(plan.Modules).Includes;
    }

    [Fact]
    public void KernelTreesExt4ModuleFindsMballocHWithoutTheSpecSaying()
    {
        var spec = ProbeSpecParser.Load(RepoPaths.KernelTree, "ltt/probes.spec");
        Assert.Empty(spec.Spec.Includes);
        var output = ProbeGenerator.Generate(new ScanOptions { Tree = RepoPaths.KernelTree }, GenerateFixture.Options);
        Assert.False(output.HasErrors, string.Join("\n", output.Diagnostics));
        var ext4 = Assert.Single(output.Plan!.Modules, m => m.Channel == "ext4");
        Assert.Equal("fs/ext4/mballoc.h", ext4.Includes[0]);
        Assert.Contains(ext4.Events, e => e.Values.Any(v => v.Expression == "pa->pa_pstart"));

        using var dir = new TempDir();
        Assert.Null(OutputFolder.Write(dir.Path, output.Files));
        var include = HarnessBuilder.GccInclude();
        Assert.True(include.Success, "gcc is needed (bash .ci/install): " + include.Error);
        string module = Path.Combine(dir.Path, "probes", "ext4-trace.c");
        var run = HarnessBuilder.CompileModule(module, module + ".o", RepoPaths.KernelTree, include.Output.Trim(), []);
        Assert.True(run.Success && run.Error.Length == 0, run.Command + "\n" + run.Error);
    }

    [Fact]
    public void APrivateStructWhoseMembersAreReadBringsItsHeader()
    {
        var site = Site("ext4_mb_new_group_pa", new TracepointArg("pa", Pointer(PreallocSpace)), new TracepointArg("inode", Pointer(Inode)));

        // inode is not read: its header is not needed.
        Assert.Equal(["fs/ext4/mballoc.h", "fs/ext4/ext4_trace.h"], Includes("ext4_mb_new_group_pa: pa->pa_len, pa->pa_pstart", site));
        Assert.Equal(["fs/ext4/mballoc.h", "linux/fs.h", "fs/ext4/ext4_trace.h"],
            Includes("ext4_mb_new_group_pa: pa->pa_len, inode->i_ino", site));
    }

    [Fact]
    public void TheSpecsIncludeLinesComeFirstAndAreNotRepeated()
    {
        var site = Site("ext4_mb_new_group_pa", new TracepointArg("pa", Pointer(PreallocSpace)));

        Assert.Equal(["linux/kernel.h", "fs/ext4/mballoc.h", "fs/ext4/ext4_trace.h"],
            Includes("include ext4 linux/kernel.h\ninclude ext4 fs/ext4/mballoc.h\next4_mb_new_group_pa: pa->pa_len", site));
        Assert.Equal(["linux/kernel.h", "fs/ext4/mballoc.h", "fs/ext4/ext4_trace.h"],
            Includes("include ext4 linux/kernel.h\next4_mb_new_group_pa: pa->pa_len", site));
    }

    [Theory]
    [InlineData("include/linux/fs.h", "linux/fs.h")]
    [InlineData("include/uapi/linux/fs.h", "linux/fs.h")]
    [InlineData("include/generated/uapi/linux/version.h", "linux/version.h")]
    [InlineData("arch/x86/include/asm/ptrace.h", "asm/ptrace.h")]
    [InlineData("arch/x86/include/uapi/asm/ptrace.h", "asm/ptrace.h")]
    [InlineData("arch/x86/include/generated/asm/ptrace.h", "asm/ptrace.h")]
    [InlineData("arch/x86/include/generated/uapi/asm/ptrace.h", "asm/ptrace.h")]
    [InlineData("kernel/sched/sched.h", "kernel/sched/sched.h")]
    public void HeadersAreIncludedFromTheirIncludeRoot(string declaredIn, string include)
    {
        var regs = Struct("pt_regs", declaredIn, new CField("ip", SampleScan.ULong, 0));
        var site = Site("trap_entry", new TracepointArg("regs", Pointer(regs)));

        Assert.Equal([include, "fs/ext4/ext4_trace.h"], Includes("trap_entry: regs->ip", site));
    }

    [Fact]
    public void AStructDefinedOutsideTheTreeIsNotIncluded()
    {
        var regs = Struct("pt_regs", "/usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h", new CField("ip", SampleScan.ULong, 0));

        Assert.Equal(["fs/ext4/ext4_trace.h"], Includes("trap_entry: regs->ip", Site("trap_entry", new TracepointArg("regs", Pointer(regs)))));
    }
}
