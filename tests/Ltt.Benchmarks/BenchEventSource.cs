using System.Diagnostics.Tracing;

namespace Ltt.Benchmarks;

/// <summary>What a C# user would write instead of ltt-trace: an EventSource with the same three
/// integers, written with WriteEventCore (the allocation-free overload).</summary>
[EventSource(Name = "Ltt-Bench-ThreeInts")]
internal sealed class BenchEventSource : EventSource
{
    public static readonly BenchEventSource Log = new();

    [Event(1, Level = EventLevel.Informational)]
    public unsafe void ThreeInts(ulong a, int b, uint c)
    {
        if (!IsEnabled())
            return;
        EventData* data = stackalloc EventData[3];
        data[0] = new EventData { DataPointer = (nint)(&a), Size = sizeof(ulong) };
        data[1] = new EventData { DataPointer = (nint)(&b), Size = sizeof(int) };
        data[2] = new EventData { DataPointer = (nint)(&c), Size = sizeof(uint) };
        WriteEventCore(1, 3, data);
    }
}

/// <summary>The in-process consumer for <see cref="BenchEventSource"/>: counts the events it receives.</summary>
internal sealed class CountingListener : EventListener
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Enable() => EnableEvents(BenchEventSource.Log, EventLevel.Verbose);

    protected override void OnEventWritten(EventWrittenEventArgs eventData) => Interlocked.Increment(ref _count);
}
