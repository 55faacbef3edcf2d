namespace Ltt.Validation.Kernel;

/// <summary>How QEMU runs the guest's CPUs.</summary>
public enum QemuAccelerator
{
    /// <summary>
    /// KVM when <c>/dev/kvm</c> opens and the guest boots under it, TCG otherwise: nested KVM on
    /// cloud machines can abort QEMU ("failed to set MSR", exit 134) or hang the guest silently.
    /// </summary>
    Auto,

    /// <summary>KVM only; a guest that does not boot under it fails the run.</summary>
    Kvm,

    /// <summary>QEMU's own translator: slower, the same on every machine.</summary>
    Tcg,
}
