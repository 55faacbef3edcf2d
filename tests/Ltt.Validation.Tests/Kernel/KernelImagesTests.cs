using Ltt.Validation.Kernel;

namespace Ltt.Validation.Tests.Kernel;

public sealed class KernelImagesTests
{
    [Fact]
    public void Finds_the_image_and_modules_of_the_release_in_the_first_root_that_has_both()
    {
        using var dir = new TempDir();
        string onlyImage = Unpacked(dir.Path, "a", "9.9.9-one", modules: false);
        string both = Unpacked(dir.Path, "b", "9.9.9-one", modules: true);
        Unpacked(dir.Path, "c", "9.9.9-two", modules: true);

        var image = KernelImages.Find("9.9.9-one", [onlyImage, both]);

        Assert.NotNull(image);
        Assert.Equal(Path.Combine(both, "boot", "vmlinuz-9.9.9-one"), image.Vmlinuz);
        Assert.Equal(Path.Combine(both, "lib", "modules", "9.9.9-one"), image.Modules);
    }

    [Fact]
    public void Another_release_is_not_taken()
    {
        using var dir = new TempDir();
        string other = Unpacked(dir.Path, "c", "9.9.9-two", modules: true);

        Assert.Null(KernelImages.Find("9.9.9-one", [other]));
        Assert.Contains("9.9.9-one", KernelImages.MissingMessage("9.9.9-one", [other]));
    }

    private static string Unpacked(string parent, string name, string release, bool modules)
    {
        string root = Path.Combine(parent, name);
        Directory.CreateDirectory(Path.Combine(root, "boot"));
        File.WriteAllText(Path.Combine(root, "boot", "vmlinuz-" + release), "");
        if (modules)
        {
            string dir = Path.Combine(root, "lib", "modules", release);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "modules.dep"), "");
        }
        return root;
    }
}
