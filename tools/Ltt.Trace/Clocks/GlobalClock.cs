using System.Runtime.InteropServices;

namespace Ltt.Trace.Clocks;

/// <summary>
/// A globally ordered clock: no call ever returns less than a value any call (on any thread)
/// already returned, whatever the underlying source does across CPUs. The price is one shared
/// cache line written with compare-and-swap, which is why the ring buffer's hot path uses the
/// raw <see cref="LocalClock"/> instead and this clock serves where order matters more than cost.
/// </summary>
public sealed class GlobalClock
{
    private readonly Func<ulong>? _source;
    private PaddedValue _last;

    /// <param name="source">The raw clock; <see cref="LocalClock.Now"/> when null (tests pass a skewed one).</param>
    public GlobalClock(Func<ulong>? source = null)
    {
        _source = source;
    }

    public ulong Now()
    {
        ulong now = _source is null ? LocalClock.Now() : _source();
        ulong last = Volatile.Read(ref _last.Value);
        while (now > last)
        {
            ulong seen = Interlocked.CompareExchange(ref _last.Value, now, last);
            if (seen == last)
                return now;
            last = seen;
        }
        // Someone returned a later value already: return it, never less.
        return last;
    }

    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct PaddedValue
    {
        [FieldOffset(64)] public ulong Value;
    }
}
