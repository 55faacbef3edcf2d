using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace Ltt.Clang.Interop;

/// <summary>
/// Runs libclang's parses on a thread of ours with a large stack. libclang parses on a thread it makes
/// with 8 MiB of stack, and clang's parser recurses once per level of nesting, 4 to 9 KiB a level: a
/// thousand nested parentheses, two thousand <c>!</c> or <c>++</c> in a row, or tens of thousands of
/// <c>+1</c> overflow it, and a stack overflow is the one crash libclang's recovery does not survive
/// (the process dies with SIGSEGV). <c>LIBCLANG_NOTHREADS</c>, set once before the first parse, makes
/// libclang parse on the calling thread: this one. Its stack is reserved, not committed: a parse uses
/// only as much of it as its nesting needs.
/// </summary>
internal static partial class ParseThread
{
    /// <summary>Enough for any real source; a file read alone asks for more by its size (<see cref="StackFor"/>).</summary>
    public const int DefaultStackSize = 1 << 30;

    private const int MaxStackSize = 2040 << 20;

    static ParseThread()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            SetEnvironment("LIBCLANG_NOTHREADS", "1", 1);
    }

    /// <summary>A stack for parsing <paramref name="bytes"/> of any nesting, up to what a thread can have (2 GiB).</summary>
    public static int StackFor(long bytes) => (int)Math.Clamp(64L * 1024 * 1024 + 10L * 1024 * bytes, DefaultStackSize, MaxStackSize);

    public static T Run<T>(Func<T> work, int stackSize = DefaultStackSize)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, stackSize)
        {
            IsBackground = true,
            Name = "libclang",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);
}
