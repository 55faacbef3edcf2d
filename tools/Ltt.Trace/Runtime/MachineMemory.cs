using System.Globalization;

namespace Ltt.Trace.Runtime;

/// <summary>
/// How much memory a recording may take: what the kernel says is available without swapping
/// (<c>MemAvailable</c> of <c>/proc/meminfo</c>), capped by the process's own limit (a
/// container's cgroup, as the runtime sees it).
/// </summary>
public static class MachineMemory
{
    /// <summary>Bytes available now.</summary>
    public static long AvailableBytes()
    {
        long limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        try
        {
            foreach (string line in File.ReadLines("/proc/meminfo"))
            {
                // "MemAvailable:   22631760 kB"
                if (!line.StartsWith("MemAvailable:", StringComparison.Ordinal))
                    continue;
                string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long kib))
                    return Math.Min(limit, kib * 1024);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No /proc (not Linux): the runtime's figure alone.
        }
        return limit;
    }

    /// <summary>A byte count for people: "1.5 GiB", "512 MiB", "4096 bytes".</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.#} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 10):0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
