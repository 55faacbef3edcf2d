using System.Runtime.InteropServices;

namespace Ltt.Trace.Native;

/// <summary>The few libc calls the runtime needs that .NET does not expose: direct I/O, mapping the
/// rdtscp stub, thread CPU time.</summary>
internal static partial class LibC
{
    public const int O_WRONLY = 0x1;
    public const int O_CREAT = 0x40;
    public const int O_TRUNC = 0x200;
    public const int O_DIRECT = 0x4000;
    public const int O_CLOEXEC = 0x80000;
    public const int EINTR = 4;
    public const int EINVAL = 22;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "pwrite", SetLastError = true)]
    public static unsafe partial nint PWrite(int fd, byte* buffer, nuint count, long offset);

    [LibraryImport("libc", EntryPoint = "ftruncate", SetLastError = true)]
    public static partial int FTruncate(int fd, long length);

    [LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    public static partial int FDataSync(int fd);

    [LibraryImport("libc", EntryPoint = "mmap")]
    public static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, long offset);

    [LibraryImport("libc", EntryPoint = "mprotect")]
    public static partial int Mprotect(nint address, nuint length, int protection);

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    public static unsafe partial int ClockGetTime(int clock, long* timespec);

    public const int CLOCK_THREAD_CPUTIME_ID = 3;

    /// <summary>CPU time the calling thread has used, in nanoseconds (0 where unsupported).</summary>
    public static unsafe long ThreadCpuNanoseconds()
    {
        if (!OperatingSystem.IsLinux())
            return 0;
        long* timespec = stackalloc long[2];
        return ClockGetTime(CLOCK_THREAD_CPUTIME_ID, timespec) == 0 ? timespec[0] * 1_000_000_000 + timespec[1] : 0;
    }

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);
}
