namespace Ltt.IO.Tests;

/// <summary>
/// The output-folder rule every <c>-o</c> follows: never an input, never a folder the tool did
/// not write unless forced, nothing half-written, nothing left behind on failure.
/// </summary>
public sealed class OutputTargetTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static OutputTarget Target(string folder, bool force = false, string[]? inputs = null, string[]? enclosing = null) => new()
    {
        Folder = folder,
        Writer = "ltt-test write",
        Marker = ".ltt-test-output",
        Force = force,
        Inputs = inputs ?? [],
        Enclosing = enclosing ?? [],
    };

    private static string? WriteOne(OutputTarget target, string name, string text)
    {
        using var staged = target.Stage(out string? error);
        if (staged is null)
            return error;
        File.WriteAllText(Path.Combine(staged.Path, name), text);
        return staged.Commit();
    }

    [Fact]
    public void A_new_folder_is_written_whole_with_the_marker_and_nothing_beside_it()
    {
        string output = _temp["a/b/out"];

        Assert.Null(WriteOne(Target(output), "file", "x"));

        Assert.Equal(["a", "a/b", "a/b/out", "a/b/out/.ltt-test-output", "a/b/out/file"], _temp.Entries());
        Assert.Contains("ltt-test write", File.ReadAllText(Path.Combine(output, ".ltt-test-output")));
    }

    [Fact]
    public void A_folder_the_tool_wrote_is_replaced_as_a_whole()
    {
        string output = _temp["out"];
        Assert.Null(WriteOne(Target(output), "old", "1"));

        Assert.Null(WriteOne(Target(output), "new", "2"));

        Assert.Equal(["out", "out/.ltt-test-output", "out/new"], _temp.Entries());
    }

    [Fact]
    public void An_empty_folder_is_used()
    {
        string output = _temp["out"];
        Directory.CreateDirectory(output);

        Assert.Null(WriteOne(Target(output), "file", "x"));

        Assert.True(File.Exists(Path.Combine(output, "file")));
    }

    [Fact]
    public void A_folder_with_the_users_files_is_refused_and_kept_unless_forced()
    {
        string output = _temp["out"];
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");

        string? error = WriteOne(Target(output), "file", "x");

        Assert.Equal($"{output}: exists and was not written by ltt-test write (it has no .ltt-test-output); choose another folder, or add --force to replace it", error);
        Assert.Equal(["out", "out/notes.txt"], _temp.Entries());

        Assert.Null(WriteOne(Target(output, force: true), "file", "x"));
        Assert.Equal(["out", "out/.ltt-test-output", "out/file"], _temp.Entries());
    }

    [Theory]
    [InlineData("tree", "is the input")]
    [InlineData("", "holds the input")]
    [InlineData("tree/out", "is inside the input")]
    public void An_input_is_never_written_even_when_forced(string relative, string reason)
    {
        string tree = _temp["tree"];
        Directory.CreateDirectory(tree);
        File.WriteAllText(Path.Combine(tree, "Makefile"), "all:\n");
        string output = relative.Length == 0 ? _temp.Path : _temp[relative];

        string? error = WriteOne(Target(output, force: true, inputs: [tree]), "file", "x");

        Assert.NotNull(error);
        Assert.Contains(reason, error);
        Assert.StartsWith(output + ":", error);
        Assert.Equal(["tree", "tree/Makefile"], _temp.Entries());
    }

    [Fact]
    public void An_input_reached_through_a_link_is_recognised()
    {
        string tree = _temp["tree"];
        Directory.CreateDirectory(tree);
        File.WriteAllText(Path.Combine(tree, "Makefile"), "all:\n");
        string link = _temp["link"];
        Directory.CreateSymbolicLink(link, tree);

        Assert.Contains("is the input", Target(tree, force: true, inputs: [link]).Check());
        Assert.Contains("is the input", Target(link, force: true, inputs: [tree]).Check());
        Assert.Contains("is inside the input", Target(Path.Combine(link, "sub", "out"), inputs: [tree]).Check());
    }

    [Fact]
    public void An_enclosing_folder_may_hold_the_output_but_not_be_it()
    {
        string tree = _temp["tree"];
        Directory.CreateDirectory(tree);

        Assert.Null(Target(Path.Combine(tree, "series"), enclosing: [tree]).Check());
        Assert.Contains(": is ", Target(tree, force: true, enclosing: [tree]).Check());
        Assert.Contains(": holds ", Target(_temp.Path, force: true, enclosing: [tree]).Check());
    }

    [Fact]
    public void A_file_is_refused()
    {
        string file = _temp["file"];
        File.WriteAllText(file, "x");

        Assert.Equal($"{file}: is a file; -o names the folder to write", Target(file, force: true).Check());
    }

    [Fact]
    public void The_working_folder_and_the_home_folder_are_never_replaced()
    {
        Assert.Contains("the working or home folder", Target(Environment.CurrentDirectory, force: true).Check());
        Assert.Contains("the working or home folder", Target("/", force: true).Check());
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Contains("the working or home folder", Target(home, force: true).Check());
    }

    [Fact]
    public void A_failed_command_leaves_nothing_and_the_old_folder_as_it_was()
    {
        string output = _temp["out"];
        Assert.Null(WriteOne(Target(output), "old", "1"));
        using (var staged = Target(output).Stage(out _))
            File.WriteAllText(Path.Combine(staged!.Path, "half"), "x");
        using (var staged = Target(_temp["new/deeper/out"]).Stage(out _))
            File.WriteAllText(Path.Combine(staged!.Path, "half"), "x");

        Assert.Equal(["out", "out/.ltt-test-output", "out/old"], _temp.Entries());
    }

    [Fact]
    public void Commit_checks_again_what_appeared_meanwhile()
    {
        string output = _temp["out"];
        using var staged = Target(output).Stage(out _)!;
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "mine"), "x");

        Assert.Contains("was not written by ltt-test write", staged.Commit());
        staged.Dispose();
        Assert.Equal(["out", "out/mine"], _temp.Entries());
    }

    [Fact]
    public void A_live_folder_replaces_the_old_one_only_when_kept()
    {
        string output = _temp["trace"];
        Assert.Null(WriteOne(Target(output), "old", "1"));

        using (var failed = Target(output).CreateLive(out string? error))
        {
            Assert.Null(error);
            Assert.Equal([".ltt-test-output"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
            File.WriteAllText(Path.Combine(output, "new"), "2");
        }
        Assert.Equal(["trace", "trace/.ltt-test-output", "trace/old"], _temp.Entries());

        using (var kept = Target(output).CreateLive(out _))
        {
            File.WriteAllText(Path.Combine(output, "new"), "2");
            kept!.Keep();
        }
        Assert.Equal(["trace", "trace/.ltt-test-output", "trace/new"], _temp.Entries());
    }
}
