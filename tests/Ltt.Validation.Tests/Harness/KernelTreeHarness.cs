using Ltt.Probes.Tests;
using Ltt.Testing;
using Ltt.Tracepoints;
using Ltt.Validation.Harness;

namespace Ltt.Validation.Tests.Harness;

/// <summary>
/// kernel-tree/'s probes generated, built with gcc, run and compared once for the tests that
/// read the result (a gcc build of every module is the slow part; they only read it).
/// </summary>
public sealed class KernelTreeHarness : IDisposable
{
    private readonly TempDir _dir = new();

    public KernelTreeHarness()
    {
        Result = ProbeValidation.Run(new ScanOptions { Tree = RepoPaths.KernelTree }, _dir.Path, GenerateFixture.Options);
        Folder = _dir.Path;
    }

    public ProbeValidationResult Result { get; }

    /// <summary>The generated output folder, with <c>harness/build/records.bin</c>.</summary>
    public string Folder { get; }

    public void Dispose() => _dir.Dispose();
}
