namespace Ltt.Tracepoints.Kernels;

/// <summary>
/// A configured kernel's headers as Debian installs them: the build folder
/// (<c>/usr/src/linux-headers-&lt;abi&gt;-amd64</c>: <c>.config</c>, <c>Module.symvers</c>, generated headers,
/// <c>scripts/</c>) and the source tree it includes (<c>...-common</c>). <see cref="Release"/> is what
/// <c>uname -r</c> prints on the matching kernel.
/// </summary>
public sealed record KernelHeaders(string Build, string Common, string Release)
{
    /// <summary>The parts a module build and a scan need that this installation lacks (empty when complete).</summary>
    public IReadOnlyList<string> MissingParts()
    {
        var missing = new List<string>();
        foreach (string file in new[] { ".config", "Module.symvers", "Makefile" })
        {
            if (!File.Exists(Path.Combine(Build, file)))
                missing.Add(Path.Combine(Build, file));
        }
        foreach (string dir in new[] { Path.Combine(Build, "scripts"), Path.Combine(Common, "include", "trace", "events") })
        {
            if (!Directory.Exists(dir))
                missing.Add(dir + "/");
        }
        return missing;
    }
}
