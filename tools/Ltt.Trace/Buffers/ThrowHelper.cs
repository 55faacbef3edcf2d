using System.Diagnostics.CodeAnalysis;

namespace Ltt.Trace.Buffers;

/// <summary>Throws for programming mistakes, out of line so the fast paths stay small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ArgumentOutOfRange(string name, string message) => throw new ArgumentOutOfRangeException(name, message);

    [DoesNotReturn]
    public static void InvalidOperation(string message) => throw new InvalidOperationException(message);

    [DoesNotReturn]
    public static void ObjectDisposed(string name) => throw new ObjectDisposedException(name);
}
