namespace Ltt.EndToEnd.Tests;

/// <summary>
/// The native ltt-split (what the README's set-up installs: <c>dotnet publish -r linux-x64</c>,
/// compiled ahead of time) gives what the JIT build gives, byte for byte: trimming and AOT must
/// not lose a template, a MAINTAINERS rule, git access or the mail writer. Slow: the native
/// compile takes minutes.
/// </summary>
[Trait("Category", "Slow")]
public sealed class NativeSplitTests(SplitFixture fixture) : IClassFixture<SplitFixture>
{
    private static readonly Lazy<string> Native = new(() => NativeTool.Publish("ltt-split"));

    [Fact]
    public void Route_json_of_patch_files_and_of_a_git_range_is_the_JIT_builds()
    {
        Same("route", fixture.Patches, "--tree", fixture.Tree, "--json");
        Same("route", $"{fixture.Base}..{fixture.Tip}", "--repo", fixture.Repo, "--tree", fixture.Tree, "--json");
    }

    [Fact]
    public void A_written_series_is_the_JIT_builds_file_for_file()
    {
        string jit = Path.Combine(fixture.Root, "native-jit-" + Guid.NewGuid().ToString("N")[..8]);
        string native = Path.Combine(fixture.Root, "native-aot-" + Guid.NewGuid().ToString("N")[..8]);
        var a = SplitFixture.LttSplit(fixture.Root, "series", fixture.Patches, "--tree", fixture.Tree, "-o", jit);
        var b = SplitFixture.Run(Native.Value, ["series", fixture.Patches, "--tree", fixture.Tree, "-o", native], fixture.Root);
        Assert.True(a.ExitCode == 0, a.Error);
        Assert.True(b.ExitCode == 0, b.Error);
        var files = Directory.GetFiles(jit, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(jit, f)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        Assert.Equal(files, Directory.GetFiles(native, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(native, f)).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(jit, f)), File.ReadAllBytes(Path.Combine(native, f))));
    }

    [Fact]
    public void Bad_input_gets_the_same_message_and_exit_code()
    {
        var a = SplitFixture.LttSplit(fixture.Root, "route", Path.Combine(fixture.Root, "no-such.patch"), "--tree", fixture.Tree);
        var b = SplitFixture.Run(Native.Value, ["route", Path.Combine(fixture.Root, "no-such.patch"), "--tree", fixture.Tree], fixture.Root);
        Assert.Equal(2, a.ExitCode);
        Assert.Equal((a.ExitCode, a.Output, a.Error), (b.ExitCode, b.Output, b.Error));
    }

    [Fact]
    public void The_tool_package_installs_the_native_executable()
    {
        string installed = NativeTool.PackAndInstall("ltt-split", fixture.Root);
        var jit = SplitFixture.LttSplit(fixture.Root, "route", fixture.Patches, "--tree", fixture.Tree, "--json");
        var native = SplitFixture.Run(installed, ["route", fixture.Patches, "--tree", fixture.Tree, "--json"], fixture.Root);
        Assert.Equal((jit.ExitCode, jit.Output, jit.Error), (native.ExitCode, native.Output, native.Error));
    }

    private void Same(params string[] args)
    {
        var jit = SplitFixture.LttSplit(fixture.Root, args);
        var native = SplitFixture.Run(Native.Value, args, fixture.Root);
        Assert.True(jit.ExitCode == 0, jit.Error);
        Assert.Equal((jit.ExitCode, jit.Output, jit.Error), (native.ExitCode, native.Output, native.Error));
    }
}
