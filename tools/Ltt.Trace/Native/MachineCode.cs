using System.Runtime.InteropServices;

namespace Ltt.Trace.Native;

/// <summary>
/// The two instructions .NET cannot emit, as tiny functions mapped once into an executable page
/// (x86-64 Linux only): reading the TSC in order after earlier loads, and reading the thread
/// pointer (to find the thread's rseq area). Both are called through unmanaged function pointers
/// with <c>SuppressGCTransition</c>: a plain call, no GC frame.
/// </summary>
internal static unsafe class MachineCode
{
    // rdtscp; shl rdx, 32; or rax, rdx; ret
    private static readonly byte[] RdtscpCode = [0x0F, 0x01, 0xF9, 0x48, 0xC1, 0xE2, 0x20, 0x48, 0x09, 0xD0, 0xC3];

    // mov rax, qword ptr fs:[0]; ret
    private static readonly byte[] ThreadPointerCode = [0x64, 0x48, 0x8B, 0x04, 0x25, 0x00, 0x00, 0x00, 0x00, 0xC3];

    private const int ThreadPointerOffset = 64;

    private static readonly nint Page = Map();

    /// <summary>TSC read with rdtscp, or null off x86-64 Linux.</summary>
    public static delegate* unmanaged[SuppressGCTransition]<ulong> Rdtscp =>
        Page == 0 ? null : (delegate* unmanaged[SuppressGCTransition]<ulong>)Page;

    /// <summary>The calling thread's thread pointer (<c>%fs:0</c>), or null off x86-64 Linux.</summary>
    public static delegate* unmanaged[SuppressGCTransition]<nint> ThreadPointer =>
        Page == 0 ? null : (delegate* unmanaged[SuppressGCTransition]<nint>)(Page + ThreadPointerOffset);

    private static nint Map()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return 0;
        const int protReadWrite = 0x3, protReadExec = 0x5, mapPrivateAnonymous = 0x22;
        nint page = LibC.Mmap(0, 4096, protReadWrite, mapPrivateAnonymous, -1, 0);
        if (page == -1)
            return 0;
        RdtscpCode.CopyTo(new Span<byte>((void*)page, RdtscpCode.Length));
        ThreadPointerCode.CopyTo(new Span<byte>((void*)(page + ThreadPointerOffset), ThreadPointerCode.Length));
        return LibC.Mprotect(page, 4096, protReadExec) == 0 ? page : 0;
    }
}
