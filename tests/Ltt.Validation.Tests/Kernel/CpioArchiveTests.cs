using System.IO.Compression;
using Ltt.IO;
using Ltt.Validation.Kernel;

namespace Ltt.Validation.Tests.Kernel;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CpioArchiveTests
{
    [Fact]
    public void Cpio_lists_and_extracts_what_was_written()
    {
        using var dir = new TempDir();
        var archive = new CpioArchive();
        archive.AddFile("bin/busybox", [1, 2, 3], executable: true);
        archive.AddSymlink("bin/sh", "busybox");
        archive.AddFile("lib/modules/kernel/fs/9p/9p.ko", "odd length"u8.ToArray());
        archive.AddDirectory("proc");
        string initrd = Path.Combine(dir.Path, "initrd.gz");
        archive.WriteGzip(initrd);

        string raw = Path.Combine(dir.Path, "initrd.cpio");
        using (var input = new GZipStream(File.OpenRead(initrd), CompressionMode.Decompress))
        using (var output = File.Create(raw))
            input.CopyTo(output);
        string extract = Path.Combine(dir.Path, "x");
        Directory.CreateDirectory(extract);
        var cpio = ToolRun.Start("sh", ["-c", $"cpio -idm --quiet < '{raw}' && ls -lR ."], extract);

        Assert.True(cpio.Success, cpio.Error);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Combine(extract, "bin", "busybox")));
        Assert.Equal("busybox", new FileInfo(Path.Combine(extract, "bin", "sh")).LinkTarget);
        Assert.Equal("odd length", File.ReadAllText(Path.Combine(extract, "lib/modules/kernel/fs/9p/9p.ko")));
        Assert.True(Directory.Exists(Path.Combine(extract, "proc")));
        Assert.True(File.GetUnixFileMode(Path.Combine(extract, "bin", "busybox")).HasFlag(UnixFileMode.UserExecute));
        Assert.False(File.GetUnixFileMode(Path.Combine(extract, "lib/modules/kernel/fs/9p/9p.ko")).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public void The_same_entries_give_the_same_bytes()
    {
        static byte[] Build()
        {
            var archive = new CpioArchive();
            archive.AddFile("init", "#!/bin/sh\n"u8.ToArray(), executable: true);
            archive.AddFile("a/b/c", [9]);
            using var stream = new MemoryStream();
            archive.Write(stream);
            return stream.ToArray();
        }

        Assert.Equal(Build(), Build());
    }
}
