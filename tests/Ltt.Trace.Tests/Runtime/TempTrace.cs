namespace Ltt.Trace.Tests.Runtime;

/// <summary>A trace directory path under the temp directory, deleted with the test.</summary>
internal sealed class TempTrace : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ltt-trace-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
