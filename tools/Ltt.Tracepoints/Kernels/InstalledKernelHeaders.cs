namespace Ltt.Tracepoints.Kernels;

/// <summary>
/// Finds the kernel headers installed on this machine instead of naming them: Debian replaces the
/// ABI number of its kernel packages (<c>linux-headers-6.1.0-NN-amd64</c>) every few weeks and drops
/// the old one, so every test, benchmark and command that needs a real kernel asks here.
/// </summary>
public static class InstalledKernelHeaders
{
    /// <summary>Where Debian installs kernel headers.</summary>
    public const string DefaultRoot = "/usr/src";

    private const string Prefix = "linux-headers-";
    private const string GenericFlavour = "-amd64";

    /// <summary>
    /// The newest generic x86-64 headers under <paramref name="root"/> (by version order, not string
    /// order: ABI 100 of a series is newer than ABI 99) whose source tree is there too; null when
    /// there are none. Other flavours (<c>-rt-amd64</c>, <c>-cloud-amd64</c>) are not generic.
    /// </summary>
    public static KernelHeaders? FindNewest(string root = DefaultRoot)
    {
        if (!Directory.Exists(root))
            return null;
        return Directory.EnumerateDirectories(root, Prefix + "*" + GenericFlavour)
            .Select(dir => (Dir: dir, Version: GenericVersion(Path.GetFileName(dir))))
            .Where(c => c.Version is not null)
            .OrderByDescending(c => c.Version!, KernelVersionComparer.Instance)
            .Select(c => FromBuild(c.Dir))
            .FirstOrDefault(h => h is not null);
    }

    /// <summary>
    /// The headers whose build folder is <paramref name="build"/>; the source tree is the one its
    /// <c>Makefile</c> includes (Debian's build Makefile is one <c>include .../Makefile</c> line), else
    /// the build folder itself (a tree built in place). Null when <paramref name="build"/> is no
    /// configured kernel build.
    /// </summary>
    public static KernelHeaders? FromBuild(string build)
    {
        build = Path.GetFullPath(build).TrimEnd('/');
        string makefile = Path.Combine(build, "Makefile");
        if (!File.Exists(Path.Combine(build, ".config")) || !File.Exists(makefile))
            return null;
        string common = IncludedTree(makefile) ?? build;
        if (!Directory.Exists(Path.Combine(common, "include")))
            return null;
        return new KernelHeaders(build, common, ReleaseOf(build));
    }

    /// <summary>The message for a machine without usable headers, saying how to get them.</summary>
    public static string MissingMessage(string root = DefaultRoot) =>
        $"no configured generic kernel headers under {root} ({Prefix}<version>{GenericFlavour} with its -common tree): " +
        "install them with `bash .ci/install` (Debian package linux-headers-amd64)";

    private static string? IncludedTree(string makefile)
    {
        foreach (string raw in File.ReadLines(makefile))
        {
            string line = raw.Trim();
            if (!line.StartsWith("include ", StringComparison.Ordinal))
                continue;
            string target = line["include ".Length..].Trim();
            if (Path.GetFileName(target) == "Makefile" && Path.IsPathRooted(target))
                return Path.GetDirectoryName(target);
        }
        return null;
    }

    private static string ReleaseOf(string build)
    {
        // What `uname -r` prints on the kernel these headers were built with.
        string uts = Path.Combine(build, "include", "generated", "utsrelease.h");
        if (File.Exists(uts))
        {
            foreach (string line in File.ReadLines(uts))
            {
                int open = line.IndexOf('"'), close = line.LastIndexOf('"');
                if (line.Contains("UTS_RELEASE", StringComparison.Ordinal) && close > open + 1)
                    return line[(open + 1)..close];
            }
        }
        string name = Path.GetFileName(build);
        return name.StartsWith(Prefix, StringComparison.Ordinal) ? name[Prefix.Length..] : name;
    }

    /// <summary>"6.1.0-NN" for "linux-headers-6.1.0-NN-amd64"; null for another flavour or name.</summary>
    private static string? GenericVersion(string name)
    {
        if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(GenericFlavour, StringComparison.Ordinal))
            return null;
        string version = name[Prefix.Length..^GenericFlavour.Length];
        // The generic flavour has only digits, dots and the ABI dash ("6.1.0-NN"); an "-rt" flavour is not it.
        return version.Length > 0 && char.IsAsciiDigit(version[0]) && version.All(c => char.IsAsciiDigit(c) || c is '.' or '-')
            && version.Count(c => c == '-') == 1 ? version : null;
    }
}
