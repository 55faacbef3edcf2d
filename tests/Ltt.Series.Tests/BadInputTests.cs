using Ltt.Series.Maintainers;
using Ltt.Series.Patches;
using Ltt.Testing;

namespace Ltt.Series.Tests;

/// <summary>Malformed patches and MAINTAINERS files: a diagnostic with file and line, never a patch or a throw.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string> BadPatches()
    {
        var data = new TheoryData<string>();
        foreach (string f in Directory.GetFiles(RepoPaths.TestData("Ltt.Series.Tests", "BadPatches"), "*.patch").Order())
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(BadPatches))]
    public void Bad_patch_is_refused_with_file_and_line(string name)
    {
        string path = RepoPaths.TestData("Ltt.Series.Tests", "BadPatches", name);
        string expected = File.ReadAllText(Path.ChangeExtension(path, ".expected")).Trim();
        var set = PatchSetLoader.Load(path);
        Assert.True(set.HasErrors, $"{name} was accepted");
        Assert.Empty(set.Patches);
        string first = set.Diagnostics[0].ToString().Replace(Path.GetDirectoryName(path)! + "/", "");
        Assert.StartsWith(expected, first);
    }

    [Fact]
    public void Broken_maintainers_line_is_reported_with_its_line()
    {
        const string text = "Preamble text\n\tM: documentation\n\nTRACING\nM:\tAda <ada@example.org>\nF:\tkernel/trace/\nF kernel/ltt/\nS:\tMaintained\n\nOTHER\nZ:\tnot a tag\nN:\t(unclosed\n";
        var file = MaintainersParser.Parse("MAINTAINERS", text);
        Assert.Contains(file.Diagnostics, d => d.Line == 7 && d.Message.Contains("'F kernel/ltt/' is not a 'X:<tab>value' entry"));
        Assert.Contains(file.Diagnostics, d => d.Line == 11 && d.Message.Contains("unknown tag 'Z:'"));
        Assert.Contains(file.Diagnostics, d => d.Line == 12 && d.Message.Contains("does not compile"));
    }

    [Fact]
    public void Missing_git_range_is_reported()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ltt-split-norepo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            LibGit2Sharp.Repository.Init(dir);
            var set = PatchSetLoader.Load("v1.0..v2.0", dir);
            Assert.True(set.HasErrors);
            Assert.Contains("'v1.0' is not a commit", set.Diagnostics[0].Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
