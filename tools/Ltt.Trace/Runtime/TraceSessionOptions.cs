using Ltt.Trace.Buffers;
using Ltt.Trace.Clocks;
using Ltt.Trace.Ctf;
using Ltt.Trace.Layout;

namespace Ltt.Trace.Runtime;

/// <summary>What a <see cref="TraceSession"/> records and where: one options type, defaults here.</summary>
/// <param name="OutputDirectory">The trace directory: created, or empty; receives <c>metadata</c> and one stream file per CPU.</param>
/// <param name="Catalog">The events the session may write; their layouts become the metadata.</param>
/// <param name="Channel">Ring buffer shape and mode; <see cref="ChannelConfig"/> defaults when null.</param>
/// <param name="Trace">UUID, clock and environment; fresh defaults (epoch offset measured) when null.</param>
/// <param name="Clock">The clock events are stamped with: <see cref="TraceClock.Local"/> (fast) or
/// <see cref="TraceClock.Global"/> (ordered across threads, one shared CAS per event).</param>
/// <param name="FlushInterval">When set, the consumer closes every open sub-buffer this often, so
/// a live reader sees the events of a quiet channel within that time (LTTng's switch timer);
/// null: packets are written only when full and at stop.</param>
public sealed record TraceSessionOptions(
    string OutputDirectory,
    EventCatalog Catalog,
    ChannelConfig? Channel = null,
    CtfTraceParameters? Trace = null,
    TraceClock Clock = TraceClock.Local,
    TimeSpan? FlushInterval = null);
