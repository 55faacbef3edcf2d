namespace Ltt.Fuzz;

/// <summary>The fixed files some targets read beside the fuzzed input, embedded from tests/data (see the project file).</summary>
internal static class FuzzSkeletons
{
    /// <summary>A tracefs copy's text files (path under the copy, bytes).</summary>
    public static IEnumerable<(string Path, byte[] Bytes)> FtraceFiles =>
        typeof(FuzzSkeletons).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("ftrace/", StringComparison.Ordinal))
            .Select(n => (n["ftrace/".Length..], Read(n)));

    /// <summary>Metadata of a real LTTng-UST trace (packetized): integers, enumerations, floats, strings, arrays, sequences.</summary>
    public static byte[] CtfMetadata => Read("ctf/metadata");

    private static byte[] Read(string name)
    {
        using var stream = typeof(FuzzSkeletons).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("missing resource " + name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
