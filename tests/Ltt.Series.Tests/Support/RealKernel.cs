using Ltt.Testing;

namespace Ltt.Series.Tests.Support;

/// <summary>
/// The real linux-source-6.1 tree unpacked by .ci/install, and a realistic series of patches
/// against it built once per test run by RealKernel/make-patches.sh (same bytes every time).
/// </summary>
public sealed class RealKernel : IDisposable
{
    public const int PatchCount = 60;

    public RealKernel()
    {
        Tree = Path.Combine(RepoPaths.Root, ".cache", "linux-source-6.1-full");
        if (!File.Exists(Path.Combine(Tree, ".unpacked")))
            throw new InvalidOperationException($"the real kernel tree is missing at {Tree}: run 'bash .ci/install' first");
        PatchDirectory = Path.Combine(Path.GetTempPath(), "ltt-split-real-" + Guid.NewGuid().ToString("N"));
        var result = Tools.Run("bash", [Script("make-patches.sh"), Tree, PatchDirectory, PatchCount.ToString()], RepoPaths.Root,
            // It commits the whole 6.1 tree into a scratch repository: over 2 minutes on 2 cores
            // while the other test assemblies run beside it (CI timed out there).
            timeout: TimeSpan.FromMinutes(15));
        if (result.ExitCode != 0)
            throw new InvalidOperationException("make-patches.sh failed: " + result.Error);
        Patches = Directory.GetFiles(PatchDirectory, "*.patch").Order(StringComparer.Ordinal).ToList();
    }

    public string Tree { get; }

    public string PatchDirectory { get; }

    public IReadOnlyList<string> Patches { get; }

    public static string Script(string name) => RepoPaths.TestData("Ltt.Series.Tests", "RealKernel", name);

    public void Dispose()
    {
        try { Directory.Delete(PatchDirectory, recursive: true); } catch (IOException) { }
    }
}
