namespace Ltt.Validation.Kernel;

/// <summary>
/// Finds the kernel image and modules of one release, never by naming an ABI: CI unpacks Debian's
/// <c>linux-image-&lt;release&gt;</c> package with <c>dpkg-deb -x</c> into a folder (so nothing is
/// installed and no initramfs is built), and a machine that runs the kernel has it under <c>/</c>.
/// Both look alike: <c>boot/vmlinuz-&lt;release&gt;</c> and <c>lib/modules/&lt;release&gt;/</c>.
/// </summary>
public static class KernelImages
{
    /// <summary>Where <c>.ci/install</c> unpacks kernel images, under the repository.</summary>
    public const string CacheFolder = ".cache/linux-image";

    /// <summary>
    /// The image and modules of <paramref name="release"/> in the first of <paramref name="roots"/>
    /// that has both (Debian 12 ships modules under <c>lib/</c> or <c>usr/lib/</c>); null when none has.
    /// </summary>
    public static KernelImage? Find(string release, IEnumerable<string> roots)
    {
        foreach (string root in roots)
        {
            string vmlinuz = Path.Combine(root, "boot", "vmlinuz-" + release);
            if (!File.Exists(vmlinuz))
                continue;
            string? modules = ((string[])["lib", "usr/lib"])
                .Select(lib => Path.Combine(root, lib, "modules", release))
                .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "modules.dep")));
            if (modules is not null)
                return new KernelImage(Path.GetFullPath(vmlinuz), Path.GetFullPath(modules), release);
        }
        return null;
    }

    /// <summary>The folders searched by default: the repository's unpacked images, then the running system.</summary>
    public static IReadOnlyList<string> DefaultRoots(string repositoryRoot) =>
        [Path.Combine(repositoryRoot, CacheFolder), "/"];

    /// <summary>The message for a release whose image is nowhere, saying how to get it.</summary>
    public static string MissingMessage(string release, IEnumerable<string> roots) =>
        $"no kernel image for {release} (boot/vmlinuz-{release} with lib/modules/{release}/modules.dep) under " +
        string.Join(", ", roots) + ": unpack it with `bash .ci/install` (apt-get download linux-image-" + release +
        " and dpkg-deb -x into " + CacheFolder + ")";
}
