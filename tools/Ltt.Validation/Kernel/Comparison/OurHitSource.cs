using Ltt.Trace.Reader;
using Ltt.Trace.Values;

namespace Ltt.Validation.Kernel.Comparison;

/// <summary>
/// Our hits on one CPU: the events of that CPU's stream files (several files for one CPU are
/// merged by time), the compared ones turned into <see cref="Hit"/>s. Counts our lost events from
/// the packets' <c>events_discarded</c> (a per-stream running count) and reports timestamps that go backwards.
/// </summary>
internal sealed class OurHitSource : IHitSource
{
    private readonly List<Stream> _streams;
    private readonly IReadOnlyDictionary<string, TracepointPlan> _plans;
    private readonly CpuTally _cpu;
    private readonly MismatchLog _log;
    private long _index;

    /// <summary>The cursors must already be on their first event (or at their end): that is how their CPU was learnt.</summary>
    public OurHitSource(IEnumerable<(StreamCursor Cursor, bool HasEvent, Func<long> Lost)> streams, long originNs, IReadOnlyDictionary<string, TracepointPlan> plans, CpuTally cpu, MismatchLog log)
    {
        _streams = streams.Select(s => new Stream(s.Cursor, s.HasEvent, s.Lost, originNs)).ToList();
        _plans = plans;
        _cpu = cpu;
        _log = log;
    }

    /// <summary>The latest timestamp of the hits returned so far.</summary>
    public ulong LastTimestamp { get; private set; }

    /// <summary>Events lost so far, over this CPU's streams.</summary>
    public long Lost => _streams.Sum(s => s.Lost());

    public IEnumerable<TraceDiagnostic> Diagnostics => _streams.SelectMany(s => s.Cursor.Diagnostics);

    public Hit? Next()
    {
        while (true)
        {
            Stream? best = null;
            foreach (var s in _streams)
            {
                if (s.HasEvent && (best is null || s.Timestamp < best.Timestamp))
                    best = s;
            }
            if (best is null)
                return null;
            var cursor = best.Cursor;
            Hit? hit = null;
            if (_plans.TryGetValue(cursor.EventClass!.Name, out var plan))
            {
                plan.HitsOurs++;
                if (plan.Ftrace is not null)
                {
                    var payload = cursor.ReadPayload();
                    var values = new FieldValue[plan.Fields.Length];
                    for (int i = 0; i < values.Length; i++)
                        values[i] = payload[plan.Fields[i].OurIndex].Value;
                    hit = new Hit(plan, best.Timestamp, _index++, -1, values);
                    LastTimestamp = Math.Max(LastTimestamp, best.Timestamp);
                    _cpu.HitsOurs++;
                }
            }
            ulong before = best.Timestamp;
            if (best.Advance() && best.Timestamp < before)
            {
                _log.Add(new HitMismatch(MismatchKind.TimestampBackwards, _cpu.Cpu, _index, -1, best.Cursor.EventClass!.Name,
                    Ours: best.Timestamp.ToString(), Ftrace: before.ToString(), OurTimestamp: best.Timestamp), _cpu, null);
            }
            if (hit is not null)
                return hit;
        }
    }

    private sealed class Stream(StreamCursor cursor, bool hasEvent, Func<long> lost, long originNs)
    {
        public StreamCursor Cursor { get; } = cursor;

        public bool HasEvent { get; private set; } = hasEvent;

        public Func<long> Lost { get; } = lost;

        /// <summary>The current event's clock value in ns (the clock's offset taken out: ftrace counts from boot too).</summary>
        public ulong Timestamp => (ulong)(Cursor.TimestampNs - originNs);

        public bool Advance() => HasEvent = Cursor.MoveNext();
    }
}
