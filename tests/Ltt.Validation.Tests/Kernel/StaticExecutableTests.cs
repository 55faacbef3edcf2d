using Ltt.Validation.Kernel;

namespace Ltt.Validation.Tests.Kernel;

public sealed class StaticExecutableTests
{
    [Fact]
    public void A_dynamically_linked_program_is_refused_with_the_package_to_install()
    {
        Assert.False(StaticExecutable.Check("/bin/ls", out string? error));
        Assert.Contains("dynamically linked", error);
    }

    [Fact]
    public void A_text_file_is_not_an_executable()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "script");
        File.WriteAllText(path, "#!/bin/sh\n" + new string('x', 100));

        Assert.False(StaticExecutable.Check(path, out string? error));
        Assert.Contains("not a 64-bit ELF file", error);
    }
}
