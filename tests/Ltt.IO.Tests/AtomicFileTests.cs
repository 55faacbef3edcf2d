namespace Ltt.IO.Tests;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Writes_the_whole_text_and_leaves_no_temporary_file()
    {
        string file = _temp["report.xml"];
        File.WriteAllText(file, "old");

        Assert.Null(AtomicFile.Write(file, "<new/>\n"));

        Assert.Equal("<new/>\n", File.ReadAllText(file));
        Assert.Equal(["report.xml"], _temp.Entries());
    }

    [Fact]
    public void A_missing_folder_or_a_folder_in_the_files_place_is_one_line()
    {
        Assert.Equal("/nonexistent/x.xml: no such folder /nonexistent", AtomicFile.Write("/nonexistent/x.xml", "x"));
        Assert.Equal($"{_temp.Path}: is a folder, not a file", AtomicFile.Write(_temp.Path, "x"));
        Assert.Empty(_temp.Entries());
    }
}
