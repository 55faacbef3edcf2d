using Ltt.Validation.Kernel;

namespace Ltt.Validation.Tests.Kernel;

public sealed class ModuleIndexTests
{
    [Fact]
    public void Load_order_puts_what_a_module_needs_first_and_each_file_once()
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "modules.dep"), """
            kernel/fs/9p/9p.ko: kernel/net/9p/9pnet.ko kernel/fs/netfs/netfs.ko
            kernel/net/9p/9pnet.ko:
            kernel/fs/netfs/netfs.ko:
            kernel/net/9p/9pnet_virtio.ko: kernel/net/9p/9pnet.ko kernel/drivers/virtio/virtio_ring.ko
            kernel/drivers/virtio/virtio_ring.ko:
            kernel/crypto/crc32c-generic.ko:

            """);
        File.WriteAllText(Path.Combine(dir.Path, "modules.builtin"), "kernel/drivers/block/loop.ko\n");
        var index = ModuleIndex.Load(dir.Path, out string? error);
        Assert.Null(error);
        var missing = new List<string>();

        var order = index!.LoadOrder(["9pnet_virtio", "9p", "crc32c_generic", "loop", "nosuch"], missing);

        Assert.Equal([
            "kernel/net/9p/9pnet.ko", "kernel/drivers/virtio/virtio_ring.ko", "kernel/net/9p/9pnet_virtio.ko",
            "kernel/fs/netfs/netfs.ko", "kernel/fs/9p/9p.ko", "kernel/crypto/crc32c-generic.ko"], order);
        Assert.Equal(["nosuch"], missing);
        Assert.True(index.IsBuiltin("loop"));
    }

    [Fact]
    public void A_line_without_a_colon_is_named_by_file_and_line()
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "modules.dep"), "kernel/a.ko:\nkernel/b.ko kernel/a.ko\n");

        Assert.Null(ModuleIndex.Load(dir.Path, out string? error));
        Assert.EndsWith("modules.dep:2: not '<module file>: <needed files>'", error);
    }
}
