using Ltt.Tracepoints.Kernels;

namespace Ltt.Probes.Tests;

/// <summary>The newest installed Debian kernel headers (linux-headers-amd64, installed by .ci/install) and what they export.</summary>
internal static class RealKernel
{
    private static readonly KernelHeaders? Found = InstalledKernelHeaders.FindNewest();

    public static KernelHeaders Headers()
    {
        Assert.True(Found is not null, InstalledKernelHeaders.MissingMessage());
        Assert.Empty(Found.MissingParts());
        return Found;
    }

    /// <summary>Tracepoints a module can register directly: those whose <c>__tracepoint_</c> symbol Module.symvers lists.</summary>
    public static HashSet<string> ExportedTracepoints(KernelHeaders headers) =>
        File.ReadLines(Path.Combine(headers.Build, "Module.symvers"))
            .Select(l => l.Split('\t'))
            .Where(p => p.Length > 1 && p[1].StartsWith("__tracepoint_", StringComparison.Ordinal))
            .Select(p => p[1]["__tracepoint_".Length..])
            .ToHashSet(StringComparer.Ordinal);
}
