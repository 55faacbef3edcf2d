namespace Ltt.Validation.Kernel;

/// <summary>
/// A bootable kernel and the modules built with it: <see cref="Vmlinuz"/> (the compressed image QEMU
/// boots), <see cref="Modules"/> (its <c>lib/modules/&lt;release&gt;</c> folder with <c>modules.dep</c>)
/// and <see cref="Release"/> (what <c>uname -r</c> prints on it, which must equal the headers' release).
/// </summary>
public sealed record KernelImage(string Vmlinuz, string Modules, string Release);
