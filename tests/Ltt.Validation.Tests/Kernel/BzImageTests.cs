using System.Text;
using Ltt.Validation.Kernel;

namespace Ltt.Validation.Tests.Kernel;

public sealed class BzImageTests
{
    [Fact]
    public void The_release_is_the_first_word_of_the_version_string_the_boot_header_points_at()
    {
        using var dir = new TempDir();
        byte[] image = new byte[0x4000];
        Encoding.ASCII.GetBytes("HdrS").CopyTo(image, 0x202);
        BitConverter.GetBytes((ushort)0x3000).CopyTo(image, 0x20E);
        Encoding.ASCII.GetBytes("9.9.9-test (someone@example) #1 SMP\0").CopyTo(image, 0x3200);
        string path = Path.Combine(dir.Path, "vmlinuz");
        File.WriteAllBytes(path, image);

        Assert.Equal("9.9.9-test", BzImage.Release(path, out string? error));
        Assert.Null(error);
    }

    [Fact]
    public void A_file_without_the_boot_header_is_named()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "not-a-kernel");
        File.WriteAllBytes(path, new byte[0x1000]);

        Assert.Null(BzImage.Release(path, out string? error));
        Assert.Contains("not an x86 kernel image", error);
    }

    [Fact]
    public void The_unpacked_image_says_the_release_of_its_folder_name()
    {
        var headers = Ltt.Tracepoints.Kernels.InstalledKernelHeaders.FindNewest();
        var image = headers is null ? null : KernelImages.Find(headers.Release, KernelImages.DefaultRoots(Ltt.Testing.RepoPaths.Root));
        Assert.True(image is not null, "no kernel image unpacked for the installed headers: run bash .ci/install");

        Assert.Equal(image!.Release, BzImage.Release(image.Vmlinuz, out _));
    }
}
