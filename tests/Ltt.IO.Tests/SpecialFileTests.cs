using System.Diagnostics;

namespace Ltt.IO.Tests;

public sealed class SpecialFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task TellsFifosDevicesAndLinksToThemFromFilesAndFolders()
    {
        string file = _temp["file.h"], fifo = _temp["fifo.h"], zero = _temp["zero.h"], toFile = _temp["to-file.h"], dangling = _temp["dangling.h"];
        File.WriteAllText(file, "int a;\n");
        using (var mkfifo = Process.Start("mkfifo", fifo))
            await mkfifo.WaitForExitAsync();
        File.CreateSymbolicLink(zero, "/dev/zero");
        File.CreateSymbolicLink(toFile, file);
        File.CreateSymbolicLink(dangling, _temp["nowhere"]);

        Assert.True(SpecialFile.Is(fifo));
        Assert.True(SpecialFile.Is(zero));
        Assert.True(SpecialFile.Is("/dev/null"));
        Assert.False(SpecialFile.Is(file));
        Assert.False(SpecialFile.Is(toFile));
        Assert.False(SpecialFile.Is(_temp.Path));
        Assert.False(SpecialFile.Is(dangling));
        Assert.False(SpecialFile.Is(_temp["missing.h"]));
    }
}
