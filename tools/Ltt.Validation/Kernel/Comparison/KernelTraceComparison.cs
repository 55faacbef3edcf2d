using System.Globalization;
using Ltt.Trace.Ftrace;
using Ltt.Trace.Layout;
using Ltt.Trace.Reader;
using Ltt.Trace.Validation;

namespace Ltt.Validation.Kernel.Comparison;

/// <summary>
/// Compares our kernel trace (the generated probes + kernel recorder, CTF) with ftrace's record of
/// the same tracepoints, CPU by CPU and hit for hit (<see cref="CpuAligner"/>): same hits in the
/// same order, every recorded field equal to ftrace's (up to the recorder's caps), timestamps
/// monotonic and within a bound of ftrace's, lost events counted on both sides.
/// </summary>
public static class KernelTraceComparison
{
    /// <summary>Opens the three inputs and compares; diagnostics (and no report) when an input does not open or events.json does not describe our trace.</summary>
    public static ComparisonResult Compare(ComparisonInput input)
    {
        var diagnostics = new List<TraceDiagnostic>();
        if (!EventCatalogJson.TryLoad(input.EventsJson, out var catalog, out var catalogError))
            diagnostics.Add(new TraceDiagnostic("events-json", catalogError.File, catalogError.Message, Line: catalogError.Line));
        var ftrace = FtraceRecord.Open(input.Ftrace);
        diagnostics.AddRange(ftrace.Diagnostics.Select(d => d with { File = Under(input.Ftrace, d.File) }));
        var ours = TraceSet.Open(input.CtfTrace);
        diagnostics.AddRange(ours.Diagnostics.Select(d => d with { File = Under(input.CtfTrace, d.File) }));
        if (diagnostics.Count > 0 || catalog is null || ftrace.Record is null || ours.Traces is null)
        {
            ours.Traces?.Dispose();
            return new ComparisonResult(null, diagnostics);
        }
        using var traces = ours.Traces;
        foreach (var (directory, trace) in traces.Traces)
            diagnostics.AddRange(CatalogComparison.Compare(trace, catalog).Select(d => d with { File = Under(directory, d.File) }));
        if (diagnostics.Count > 0)
            return new ComparisonResult(null, diagnostics);
        return new ComparisonResult(Run(catalog, ftrace.Record, traces, input), diagnostics);
    }

    private static string Under(string directory, string file) => Path.Combine(directory, file);

    private static ComparisonReport Run(EventCatalog catalog, FtraceRecord ftrace, TraceSet traces, ComparisonInput input)
    {
        var options = input.Options;
        var problems = new List<string>();
        if (ftrace.Clock is { } clock && clock != "mono")
            problems.Add($"ftrace's trace_clock is '{clock}', not mono: its timestamps are not on our clock");
        var notes = new List<string>();
        var plans = ComparisonPlanner.Plan(catalog, ftrace, input.NotRecorded, input.TickFields, options, problems, notes);
        var byName = plans.ToDictionary(p => p.Name);
        var byId = new TracepointPlan?[plans.Where(p => p.Ftrace is not null).Select(p => p.Ftrace!.Id + 1).DefaultIfEmpty(0).Max()];
        foreach (var plan in plans.Where(p => p.Ftrace is not null))
            byId[plan.Ftrace!.Id] = plan;
        var log = new MismatchLog(options.ListedMismatches);

        var streams = OurStreamsByCpu(traces, input.CtfTrace, problems, out long originNs, out ulong? first);
        var cpus = streams.Keys.Union(ftrace.Cpus.Select(c => c.Number)).Order().ToList();
        var tallies = new List<CpuTally>();
        ulong last = 0;
        // CPUs where we recorded come first: a CPU where we recorded nothing is judged against the time we recorded elsewhere.
        foreach (int n in cpus.OrderBy(c => streams.ContainsKey(c) ? 0 : 1).ThenBy(c => c))
        {
            var tally = new CpuTally(n);
            tallies.Add(tally);
            var ourSource = new OurHitSource(streams.GetValueOrDefault(n) ?? [], originNs, byName, tally, log);
            var ftraceCpu = ftrace.Cpus.FirstOrDefault(c => c.Number == n);
            using var cursor = ftraceCpu is null ? null : ftrace.OpenCursor(ftraceCpu);
            IHitSource ftraceSource = cursor is null ? NoHits.Instance : new FtraceHitSource(cursor, byId, tally, log);
            var aligner = new CpuAligner(new Lookahead(ourSource), new Lookahead(ftraceSource), tally, log, options);
            aligner.Align(first is { } f ? (f, last == 0 ? ulong.MaxValue : last) : null);
            last = Math.Max(last, ourSource.LastTimestamp);
            tally.LostOurs = ourSource.Lost;
            if (cursor is not null)
            {
                long fromStats = ftraceCpu!.Stats?.Lost ?? 0;
                tally.LostFtrace = Math.Max(fromStats, cursor.LostEvents);
                tally.LostFtraceUnknown = ftraceCpu.Stats is null && cursor.PagesWithUnknownLoss > 0;
                problems.AddRange(cursor.Diagnostics.Select(d => (d with { File = Under(input.Ftrace, d.File) }).ToString()));
            }
            problems.AddRange(ourSource.Diagnostics.Select(d => (d with { File = Under(input.CtfTrace, d.File) }).ToString()));
            aligner.Finish();
        }
        tallies.Sort((a, b) => a.Cpu.CompareTo(b.Cpu));
        if (tallies.Sum(t => t.TickDifferences) is > 0 and long ticks)
            notes.Add($"{ticks} values read from the tick counter (jiffies) by each probe differed, the later probe reading the larger count (allowed)");
        return Report(plans, tallies, log, problems, options) with { Notes = notes };
    }

    /// <summary>Our stream files by CPU (the packets' cpu_id, else a trailing _N in the file name), each moved onto its first event.</summary>
    private static Dictionary<int, List<(StreamCursor Cursor, bool HasEvent, Func<long> Lost)>> OurStreamsByCpu(
        TraceSet traces, string directory, List<string> problems, out long originNs, out ulong? first)
    {
        var clocks = traces.Traces.SelectMany(t => t.Trace.Clocks).ToList();
        originNs = clocks.Count == 1 ? clocks[0].ToNanosecondsFromOrigin(0) : 0;
        first = null;
        var byCpu = new Dictionary<int, List<(StreamCursor, bool, Func<long>)>>();
        foreach (var stream in traces.Streams)
        {
            var counter = new LostCounter(Path.Combine(directory, stream.FileName), problems);
            stream.PacketStarted = counter.PacketStarted;
            bool hasEvent = stream.MoveNext();
            int? cpu = counter.Cpu ?? CpuFromName(stream.FileName);
            if (cpu is null)
            {
                if (hasEvent)
                    problems.Add($"{Path.Combine(directory, stream.FileName)}: the packets have no cpu_id and the file name no _N: cannot tell its CPU");
                continue;
            }
            if (hasEvent)
            {
                ulong time = (ulong)(stream.TimestampNs - originNs);
                first = first is { } f ? Math.Min(f, time) : time;
            }
            if (!byCpu.TryGetValue(cpu.Value, out var list))
                byCpu[cpu.Value] = list = [];
            list.Add((stream, hasEvent, () => counter.Lost));
        }
        return byCpu;
    }

    private static int? CpuFromName(string file)
    {
        int underscore = file.LastIndexOf('_');
        return underscore >= 0 && int.TryParse(file.AsSpan(underscore + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;
    }

    /// <summary>
    /// Per packet: the stream's CPU (packet context cpu_id) and its lost events (events_discarded
    /// is a running count: the loss is the sum of its rises). Packets missing from the stream
    /// (packet_seq_num skips, from 0 on) with no rise of events_discarded to account for them are
    /// a problem: their events are gone without a count, and ftrace's hits of that time would
    /// otherwise pass for edges.
    /// </summary>
    private sealed class LostCounter(string file, List<string> problems)
    {
        private ulong? _last;
        private ulong? _lastSeq;

        public long Lost { get; private set; }

        public int? Cpu { get; private set; }

        public void PacketStarted(StreamCursor cursor)
        {
            if (Cpu is null)
            {
                foreach (var member in cursor.ReadPacketContext())
                {
                    if (member.Name == "cpu_id")
                        Cpu = (int)member.Value.Integer;
                }
            }
            ulong rise = 0;
            if (cursor.EventsDiscarded is { } count)
            {
                rise = count - (_last ?? 0);
                Lost += (long)rise;
                _last = count;
            }
            if (cursor.PacketSequenceNumber is not { } seq)
                return;
            ulong expected = _lastSeq is { } last ? last + 1 : 0;
            if (seq != expected && rise == 0)
            {
                problems.Add(seq > expected
                    ? $"{file}: packet {cursor.PacketIndex} has packet_seq_num {seq}, {seq - expected} packet(s) before it are missing and no lost events count them"
                    : $"{file}: packet {cursor.PacketIndex} has packet_seq_num {seq} after {_lastSeq}: packets out of order");
            }
            _lastSeq = seq;
        }
    }

    private static ComparisonReport Report(List<TracepointPlan> plans, List<CpuTally> cpus, MismatchLog log, List<string> problems, ComparisonOptions options)
    {
        var tracepoints = plans.Select(p => new TracepointComparison(
            p.Name, p.Ftrace?.System, p.HitsOurs, p.HitsFtrace, p.HitsCompared,
            p.Fields.Select(f => f.Name).ToList(), p.NotRecorded, p.FtraceFieldCount, p.Mismatches,
            p.Ftrace is null ? p.NotCompared : null)).ToList();
        var hit = plans.Where(p => p.HitsCompared > 0).ToList();
        int distinctCompared = hit.Sum(p => p.Fields.Length);
        int distinctFtrace = hit.Sum(p => p.FtraceFieldCount);
        var totals = new ComparisonTotals(
            hit.Count,
            cpus.Sum(c => c.HitsCompared),
            cpus.Sum(c => c.FieldsCompared),
            distinctCompared,
            distinctFtrace,
            distinctFtrace == 0 ? 0 : (double)distinctCompared / distinctFtrace,
            log.Count,
            cpus.Sum(c => c.LostOurs),
            cpus.Sum(c => c.LostFtrace),
            cpus.Sum(c => c.NestedReorders),
            cpus.Sum(c => c.EdgeHits),
            cpus.Count == 0 ? 0 : cpus.Max(c => c.MaxTimestampDeltaNs))
        {
            KprobesHit = plans.Count(p => p.IsKprobe && p.HitsOurs > 0),
            KprobeHitsCompared = plans.Where(p => p.IsKprobe).Sum(p => p.HitsCompared),
        };
        return new ComparisonReport(totals, tracepoints, cpus.Select(c => c.ToComparison()).ToList(), log.Listed, problems, options);
    }
}
