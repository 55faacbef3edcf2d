using Ltt.Testing;
using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Tests.Scanning;

/// <summary>
/// A scanned struct says which file defines it, so that a probe reading its members can include
/// that file: kernel-tree's ext4 tracepoints take structs private to fs/ext4/ (mballoc.h).
/// </summary>
public sealed class DeclaredInTests
{
    [Fact]
    public void PointeeStructsNameTheHeaderDefiningThem()
    {
        var result = TracepointScanner.Scan(new ScanOptions { Tree = RepoPaths.KernelTree, Paths = ["fs/ext4/ext4_trace.h", "include/trace/ext4.h"] });
        var site = Assert.Single(result.Sites, s => s.Name == "ext4_mb_new_group_pa");

        CType Pointee(string arg) => Assert.Single(site.Args, a => a.Name == arg).Type.Element!;

        Assert.Equal("fs/ext4/mballoc.h", Pointee("pa").DeclaredIn);
        Assert.Equal("fs/ext4/mballoc.h", Pointee("ac").DeclaredIn);
        Assert.Equal("include/linux/fs.h", Assert.Single(result.Sites, s => s.Name == "ext4_free_inode").Args[0].Type.Element!.DeclaredIn);
        // Types without a definition of their own name no file.
        Assert.Null(Assert.Single(site.Args, a => a.Name == "pa").Type.DeclaredIn);
    }
}
