using Ltt.Tracepoints.Kernels;

namespace Ltt.Tracepoints.Tests.Kernels;

/// <summary>
/// The lookup every real-kernel test, benchmark and command goes through, on folders shaped like
/// Debian's /usr/src: newest generic flavour by version order, the source tree from the build Makefile.
/// </summary>
public sealed class InstalledKernelHeadersTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ltt-usr-src-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void NewestGenericFlavourWinsByVersionOrderNotStringOrder()
    {
        Install(Abi(9));
        Install(Abi(100));
        Install(Abi(57));
        Install(Abi(101), flavour: "rt-amd64");
        Install(Abi(102), flavour: "cloud-amd64");

        var found = InstalledKernelHeaders.FindNewest(_root);

        Assert.NotNull(found);
        Assert.Equal(Path.Combine(_root, $"linux-headers-{Abi(100)}-amd64"), found.Build);
        Assert.Equal(Path.Combine(_root, $"linux-headers-{Abi(100)}-common"), found.Common);
        Assert.Equal($"{Abi(100)}-amd64", found.Release);
        Assert.Empty(found.MissingParts());
    }

    [Fact]
    public void HeadersWhoseSourceTreeIsGoneAreSkipped()
    {
        Install(Abi(57));
        Install(Abi(58));
        Directory.Delete(Path.Combine(_root, $"linux-headers-{Abi(58)}-common"), recursive: true);

        Assert.Equal($"{Abi(57)}-amd64", InstalledKernelHeaders.FindNewest(_root)?.Release);
    }

    [Fact]
    public void NoHeadersIsNullAndTheMessageSaysHowToInstallThem()
    {
        Install(Abi(57), flavour: "rt-amd64");

        Assert.Null(InstalledKernelHeaders.FindNewest(_root));
        Assert.Null(InstalledKernelHeaders.FindNewest(Path.Combine(_root, "nowhere")));
        Assert.Contains("linux-headers-amd64", InstalledKernelHeaders.MissingMessage(_root));
    }

    [Fact]
    public void AnIncompleteBuildNamesWhatIsMissing()
    {
        Install(Abi(57));
        string build = Path.Combine(_root, $"linux-headers-{Abi(57)}-amd64");
        File.Delete(Path.Combine(build, "Module.symvers"));
        Directory.Delete(Path.Combine(build, "scripts"));

        var missing = InstalledKernelHeaders.FromBuild(build)!.MissingParts();

        Assert.Equal([Path.Combine(build, "Module.symvers"), Path.Combine(build, "scripts") + "/"], missing);
    }

    [Fact]
    public void ATreeBuiltInPlaceIsItsOwnSourceTree()
    {
        string tree = Path.Combine(_root, "linux");
        Directory.CreateDirectory(Path.Combine(tree, "include"));
        File.WriteAllText(Path.Combine(tree, ".config"), "CONFIG_X86_64=y\n");
        File.WriteAllText(Path.Combine(tree, "Makefile"), "VERSION = 6\nPATCHLEVEL = 1\n");

        var found = InstalledKernelHeaders.FromBuild(tree);

        Assert.Equal(tree, found?.Common);
        Assert.Null(InstalledKernelHeaders.FromBuild(Path.Combine(_root, "nowhere")));
    }

    [Theory]
    [InlineData("6.1.0", "9", "6.1.0", "10")]
    [InlineData("6.1.0", "99", "6.1.0", "100")]
    [InlineData("6.1.0", "57", "6.2.0", "1")]
    [InlineData("6.1.0", "057", "6.1.0", "58")]
    public void VersionsCompareAsSortDashV(string olderSeries, string olderAbi, string newerSeries, string newerAbi)
    {
        string older = $"{olderSeries}-{olderAbi}", newer = $"{newerSeries}-{newerAbi}";
        Assert.True(KernelVersionComparer.Instance.Compare(older, newer) < 0);
        Assert.True(KernelVersionComparer.Instance.Compare(newer, older) > 0);
        Assert.Equal(0, KernelVersionComparer.Instance.Compare(newer, newer));
    }

    /// <summary>A made-up ABI of the 6.1 series, built from its number so no file names a Debian package's.</summary>
    private static string Abi(int number) => $"6.1.0-{number}";

    private void Install(string abi, string flavour = "amd64")
    {
        string common = Path.Combine(_root, $"linux-headers-{abi}-common");
        string build = Path.Combine(_root, $"linux-headers-{abi}-{flavour}");
        Directory.CreateDirectory(Path.Combine(common, "include", "trace", "events"));
        Directory.CreateDirectory(Path.Combine(build, "scripts"));
        Directory.CreateDirectory(Path.Combine(build, "include", "generated"));
        File.WriteAllText(Path.Combine(build, "Makefile"), $"include {common}/Makefile\n");
        File.WriteAllText(Path.Combine(build, ".config"), "CONFIG_X86_64=y\n");
        File.WriteAllText(Path.Combine(build, "Module.symvers"), "");
        File.WriteAllText(Path.Combine(build, "include", "generated", "utsrelease.h"), $"#define UTS_RELEASE \"{abi}-{flavour}\"\n");
    }
}
