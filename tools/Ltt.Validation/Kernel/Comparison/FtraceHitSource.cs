using Ltt.Trace.Ftrace;
using Ltt.Trace.Values;

namespace Ltt.Validation.Kernel.Comparison;

/// <summary>
/// ftrace's hits on one CPU: the events of its pages whose id is a compared tracepoint's,
/// turned into <see cref="Hit"/>s with the context level from <c>common_flags</c>. Other events
/// (ftrace-only ones) are skipped; timestamps that go backwards are reported.
/// </summary>
internal sealed class FtraceHitSource(FtracePageCursor cursor, TracepointPlan?[] byId, CpuTally cpu, MismatchLog log) : IHitSource
{
    private const int FlagHardirq = 0x08;
    private const int FlagSoftirq = 0x10;
    private const int FlagNmi = 0x40;

    private long _index;
    private ulong _last;

    public Hit? Next()
    {
        while (cursor.MoveNext())
        {
            if (cursor.Format is null || (uint)cursor.EventId >= (uint)byId.Length || byId[cursor.EventId] is not { } plan)
                continue;
            ulong time = cursor.Timestamp;
            if (time < _last)
            {
                log.Add(new HitMismatch(MismatchKind.TimestampBackwards, cpu.Cpu, -1, _index, plan.Name,
                    Ours: time.ToString(), Ftrace: _last.ToString(), FtraceTimestamp: time), cpu, plan);
            }
            _last = time;
            plan.HitsFtrace++;
            cpu.HitsFtrace++;
            var values = new FieldValue[plan.Fields.Length];
            for (int i = 0; i < values.Length; i++)
                values[i] = Value(plan.Fields[i]);
            return new Hit(plan, time, _index++, Context(cursor.Record[2]), values);
        }
        return null;
    }

    private FieldValue Value(FieldPlan field)
    {
        if (!field.FtraceAsBytes)
            return cursor.ReadField(field.Ftrace);
        var bytes = cursor.ReadBytes(field.Ftrace);
        if (field.Mode == CompareMode.Text)
        {
            int nul = bytes.IndexOf((byte)0);
            return FieldValue.String(nul < 0 ? bytes : bytes[..nul]);
        }
        var elements = new FieldValue[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
            elements[i] = FieldValue.Unsigned(bytes[i]);
        return FieldValue.Array(elements);
    }

    /// <summary>0 task, 1 softirq, 2 hardirq, 3 NMI: a hit can only nest in one of a lower level.</summary>
    private static int Context(byte flags) =>
        (flags & FlagNmi) != 0 ? 3 : (flags & FlagHardirq) != 0 ? 2 : (flags & FlagSoftirq) != 0 ? 1 : 0;
}
