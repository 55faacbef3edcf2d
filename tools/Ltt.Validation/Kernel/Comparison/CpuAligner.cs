namespace Ltt.Validation.Kernel.Comparison;

/// <summary>
/// Pairs one CPU's hits on both sides, in order. Both probes of a hit run back to back on the
/// same CPU, so the sequences are the same except where:
/// <list type="bullet">
/// <item>an interrupt fired between the two probes of hit X and hit tracepoints itself: its hits
/// sit before X on one side and after it on the other. Found by looking ahead; allowed (counted as
/// nested) when every hit in between ran in a higher context than X (ftrace's flags: softirq over
/// task, hardirq over softirq, NMI over all), a <see cref="MismatchKind.Reordered"/> mismatch otherwise.
/// The hits in between may hold such moves themselves (a hardirq between the two probes of a
/// softirq hit that sits between those of a task-context hit);</item>
/// <item>ftrace ran before our recorder started and after it stopped: its hits before our first one
/// and after our last one on the CPU are edge hits, not compared;</item>
/// <item>a side lost hits: after a look-ahead finds where the sequences meet again (or the
/// timestamps say one side is ahead), the hits one side lacks are explained by that side's lost
/// count, or are mismatches.</item>
/// </list>
/// Paired hits must have the same tracepoint, equal fields and timestamps within the bound.
/// </summary>
internal sealed class CpuAligner(Lookahead ours, Lookahead ftrace, CpuTally cpu, MismatchLog log, ComparisonOptions options)
{
    /// <summary>Pairs that must agree after a point where the sequences meet again.</summary>
    private const int RunLength = 3;

    private readonly List<(HitMismatch Mismatch, TracepointPlan Plan)> _missingInOurs = [];
    private readonly List<(HitMismatch Mismatch, TracepointPlan Plan)> _missingInFtrace = [];

    private long Bound => options.TimestampBoundNs;

    private long PairingWindow => Math.Min(options.PairingWindowNs, options.TimestampBoundNs);

    /// <summary>Pairs the hits; <paramref name="recording"/> is when our recorder recorded (on any CPU), for a CPU where it recorded nothing.</summary>
    public void Align((ulong First, ulong Last)? recording)
    {
        if (ours.Peek(0) is null)
        {
            AlignWithoutOurs(recording);
            return;
        }
        SkipLeadingEdges();
        while (ours.Peek(0) is { } a)
        {
            if (ftrace.Peek(0) is not { } b)
            {
                MissingInFtrace(ours.Take());
                continue;
            }
            if (Full(a, b))
            {
                Pair(ours.Take(), ftrace.Take(), checkBound: true);
                continue;
            }
            if (Same(a, b) && RunFrom(1, 1))
            {
                // The same hit with its two probes further apart than the bound (the vCPU was held
                // up between them) while the hits after it agree: pair it and report the time,
                // rather than let a repeating run of equal hits look like hits missing on one side.
                Pair(ours.Take(), ftrace.Take(), checkBound: true);
                continue;
            }
            if (Explain())
                continue;
            if (a.Plan == b.Plan)
                Pair(ours.Take(), ftrace.Take(), checkBound: true);
            else if (b.Timestamp + (ulong)PairingWindow < a.Timestamp)
                MissingInOurs(ftrace.Take());
            else if (a.Timestamp + (ulong)PairingWindow < b.Timestamp)
                MissingInFtrace(ours.Take());
            else
                Different(ours.Take(), ftrace.Take());
        }
        // Our recorder stops first: what ftrace has after our last hit is an edge.
        while (ftrace.Peek(0) is not null)
        {
            ftrace.Take();
            cpu.EdgeHits++;
        }
    }

    /// <summary>Once both sides' losses on this CPU are known: hits a side lacks are explained by its lost count, or are mismatches.</summary>
    public void Finish()
    {
        Settle(_missingInOurs, cpu.LostOurs, unknown: false);
        Settle(_missingInFtrace, cpu.LostFtrace, cpu.LostFtraceUnknown);
    }

    private void Settle(List<(HitMismatch Mismatch, TracepointPlan Plan)> missing, long lost, bool unknown)
    {
        if (missing.Count == 0)
            return;
        if (unknown || missing.Count <= lost)
        {
            cpu.MissingWhereLost += missing.Count;
            return;
        }
        foreach (var (mismatch, plan) in missing)
            log.Add(mismatch, cpu, plan);
    }

    private void AlignWithoutOurs((ulong First, ulong Last)? recording)
    {
        while (ftrace.Peek(0) is not null)
        {
            var b = ftrace.Take();
            if (recording is { } r && b.Timestamp >= r.First && b.Timestamp <= r.Last)
                MissingInOurs(b);
            else
                cpu.EdgeHits++;
        }
    }

    /// <summary>
    /// ftrace was on before our recorder: its hits before our first hit on this CPU are edges.
    /// Where our first hit sits in ftrace's sequence is found by content near the place its time
    /// says (so timestamps further apart than the bound still pair, and are reported as such).
    /// </summary>
    private void SkipLeadingEdges()
    {
        var first = ours.Peek(0)!;
        int before = 0;
        while (ftrace.Peek(before) is { } b && b.Timestamp + (ulong)PairingWindow < first.Timestamp)
            before++;
        int skip = before;
        bool found = false;
        for (int k = Math.Max(0, before - options.Window); k <= before + options.Window; k++)
        {
            if (ftrace.Peek(k) is null)
                break;
            if (RunFrom(0, k, timed: false))
            {
                skip = k;
                found = true;
                break;
            }
        }
        if (!found)
            skip = SameTracepointsFrom(first);
        for (int m = 0; m < skip; m++)
        {
            ftrace.Take();
            cpu.EdgeHits++;
        }
    }

    /// <summary>
    /// Where our first hit sits in ftrace's sequence when no run of hits agrees in content there
    /// (hits moved by nesting right at the start, or a probe that records a field wrongly in every
    /// hit of a tracepoint). Our probe runs before ftrace's, so the partner is at or after the
    /// ftrace hits that came before it in time: the nearest hit from there equal to our first;
    /// failing that (the wrong field is in our first hit), the nearest place where the next hits
    /// are of the same tracepoints.
    /// </summary>
    private int SameTracepointsFrom(Hit first)
    {
        int earlier = 0;
        while (ftrace.Peek(earlier) is { } b && b.Timestamp < first.Timestamp)
            earlier++;
        foreach (int k in Nearest(earlier))
        {
            if (Same(first, ftrace.Peek(k)!))
                return k;
        }
        foreach (int k in Nearest(earlier))
        {
            int m = 0;
            while (m < RunLength && ours.Peek(m) is { } a && ftrace.Peek(k + m) is { } b && a.Plan == b.Plan)
                m++;
            if (m == RunLength || (m > 0 && (ours.Peek(m) is null || ftrace.Peek(k + m) is null)))
                return k;
        }
        return earlier;
    }

    /// <summary>ftrace's look-ahead offsets within the window around <paramref name="from"/>, nearest first, where it has a hit.</summary>
    private IEnumerable<int> Nearest(int from)
    {
        for (int d = 0; d <= options.Window; d++)
        {
            if (ftrace.Peek(from + d) is not null)
                yield return from + d;
            if (d > 0 && from - d >= 0)
                yield return from - d;
        }
    }

    /// <summary>
    /// Looks ahead for the nearest explanation of a disagreement at the current hits; applies it.
    /// A hit moved past nested ones is looked for first over the whole window: the nested hits
    /// also agree pairwise after the moved one, so the nearest run would wrongly say the moved hit
    /// is missing on one side (an interrupt with six hits between the two probes was seen).
    /// </summary>
    private bool Explain()
    {
        var later = new List<Step>();
        var earlier = new List<Step>();
        for (int k = 1; k <= options.Window; k++)
        {
            if (ours.Peek(k) is null && ftrace.Peek(k) is null)
                break;
            later.Clear();
            earlier.Clear();
            bool? laterNested = Move(0, 0, k, oursFirst: false, nestedOnly: false, later);
            bool? earlierNested = Move(0, 0, k, oursFirst: true, nestedOnly: false, earlier);
            // An adjacent swap reads both ways; only one of them can be a nesting (a task-context
            // hit cannot run inside the hardirq hit it swapped with): take that one.
            if (earlierNested == true && laterNested != true)
                Apply(earlier);
            else if (laterNested is not null)
                Apply(later);
            else if (earlierNested is not null)
                Apply(earlier);
            else
                continue;
            return true;
        }
        for (int k = 1; k <= options.Window; k++)
        {
            if (ours.Peek(k) is null && ftrace.Peek(k) is null)
                return false;
            if (RunFrom(0, k))
            {
                for (int m = 0; m < k; m++)
                    MissingInOurs(ftrace.Take());
                return true;
            }
            if (RunFrom(k, 0))
            {
                for (int m = 0; m < k; m++)
                    MissingInFtrace(ours.Take());
                return true;
            }
        }
        return false;
    }

    /// <summary>One pair of an explanation, by look-ahead offsets; a moved hit says whether the hits it moved past nest in it.</summary>
    private readonly record struct Step(int Ours, int Ftrace, bool Moved, bool Nested);

    /// <summary>
    /// Whether hit X moved past k hits, starting at ours[i] and ftrace[j]. With
    /// <paramref name="oursFirst"/> our probe ran first: X = ours[i] = ftrace[j + k], and
    /// ours[i+1 .. i+k] are ftrace[j .. j+k) (those k hits ran between the two probes);
    /// otherwise ftrace's did: X = ftrace[j] = ours[i + k]. The k hits must be the same on both
    /// sides, pairwise or with moves nested inside them (an interrupt inside an interrupt: an
    /// hrtimer interrupt between the two probes of a softirq hit that itself sits between the two
    /// probes of a task-context hit was seen on a loaded host). Null when X did not move so;
    /// else whether the k hits nest in X (each ran in a higher context). The pairs go to
    /// <paramref name="steps"/>; with <paramref name="nestedOnly"/> only a nesting counts.
    /// </summary>
    private bool? Move(int i, int j, int k, bool oursFirst, bool nestedOnly, List<Step> steps)
    {
        var our = oursFirst ? ours.Peek(i) : ours.Peek(i + k);
        var theirs = oursFirst ? ftrace.Peek(j + k) : ftrace.Peek(j);
        if (our is null || theirs is null || !Same(our, theirs))
            return null;
        int first = oursFirst ? j : j + 1;
        // Only ftrace's side knows the context (from common_flags).
        int level = theirs.Context;
        bool nested = true;
        for (int m = first; m < first + k; m++)
            nested &= ftrace.Peek(m) is { } h && h.Context > level;
        if (nestedOnly && !nested)
            return null;
        int saved = steps.Count;
        if (!Block(oursFirst ? i + 1 : i, first, k, steps))
            return null;
        steps.Insert(saved, oursFirst ? new Step(i, j + k, true, nested) : new Step(i + k, j, true, nested));
        return nested;
    }

    /// <summary>
    /// ours[i .. i+n) and ftrace[j .. j+n) are the same hits: pairwise, or with hits moved past
    /// hits nested in them. The pairs go to <paramref name="steps"/> (left as they were when not).
    /// The nesting depth is bounded: each level's hits run in a higher context than the last.
    /// </summary>
    private bool Block(int i, int j, int n, List<Step> steps)
    {
        int saved = steps.Count;
        int end = i + n;
        while (i < end)
        {
            if (ours.Peek(i) is not { } a || ftrace.Peek(j) is not { } b)
                break;
            // Inside a block the vCPU may have been held up between the two probes of a hit as
            // anywhere else (7.5 ms between those of an hrtimer_expire_exit nested in a
            // sys_enter was seen): equal content within the bound pairs.
            if (Same(a, b) && Delta(a, b) <= Bound)
            {
                steps.Add(new Step(i, j, false, false));
                i++;
                j++;
                continue;
            }
            int k = 1;
            for (; k < end - i; k++)
            {
                if (Move(i, j, k, oursFirst: true, nestedOnly: true, steps) is not null
                    || Move(i, j, k, oursFirst: false, nestedOnly: true, steps) is not null)
                    break;
            }
            if (k >= end - i)
                break;
            i += k + 1;
            j += k + 1;
        }
        if (i == end)
            return true;
        steps.RemoveRange(saved, steps.Count - saved);
        return false;
    }

    /// <summary>Takes the hits of an explanation from both sides and pairs them as it says.</summary>
    private void Apply(List<Step> steps)
    {
        var a = new Hit[steps.Count];
        var b = new Hit[steps.Count];
        for (int m = 0; m < steps.Count; m++)
        {
            a[m] = ours.Take();
            b[m] = ftrace.Take();
        }
        foreach (var step in steps)
        {
            if (step.Moved)
                Moved(a[step.Ours], b[step.Ftrace], step.Nested);
            else
                Pair(a[step.Ours], b[step.Ftrace], checkBound: true);
        }
    }

    private void Moved(Hit a, Hit b, bool nested)
    {
        if (nested)
        {
            // The nested hits ran between the two probes: the moved hit's timestamps are that far apart by design.
            cpu.NestedReorders++;
            Pair(a, b, checkBound: false);
            return;
        }
        Pair(a, b, checkBound: true);
        log.Add(new HitMismatch(MismatchKind.Reordered, cpu.Cpu, a.Index, b.Index, a.Plan.Name,
            Ftrace: "the hits in between ran in the same or a lower context", OurTimestamp: a.Timestamp, FtraceTimestamp: b.Timestamp), cpu, a.Plan);
    }

    /// <summary>RunLength pairs (fewer at the end of either side, at least one) agree from ours[i] and ftrace[j] on (in content and, when timed, in time).</summary>
    private bool RunFrom(int i, int j, bool timed = true)
    {
        int matched = 0;
        for (int m = 0; m < RunLength; m++)
        {
            if (ours.Peek(i + m) is not { } a || ftrace.Peek(j + m) is not { } b)
                break;
            if (timed ? !Full(a, b) : !Same(a, b))
                return false;
            matched++;
        }
        return matched > 0;
    }

    private bool Same(Hit a, Hit b)
    {
        if (a.Plan != b.Plan)
            return false;
        var fields = a.Plan.Fields;
        for (int i = 0; i < fields.Length; i++)
        {
            if (!FieldComparer.Equal(fields[i], a.Values[i], b.Values[i], options) && !WithinTicks(fields[i], a, b, i))
                return false;
        }
        return true;
    }

    /// <summary>
    /// A tick-counter field read by each probe: the probe that ran later (by its timestamp) may
    /// read a larger count, never a smaller one. How much larger is not bounded by the time
    /// between the probes: a tick interrupt between them may account several ticks at once (a
    /// tickless CPU catching up after the vCPU was held up; +3 in 25 µs was seen). Allowed: up
    /// to a second of ticks (HZ is at most 1000) beyond one per ms between the probes.
    /// </summary>
    private static bool WithinTicks(FieldPlan field, Hit a, Hit b, int i)
    {
        if (!field.Ticks || a.Values[i].Kind != Ltt.Trace.Values.ValueKind.Integer || b.Values[i].Kind != Ltt.Trace.Values.ValueKind.Integer)
            return false;
        var (earlier, later) = a.Timestamp <= b.Timestamp ? (a.Values[i].Bits, b.Values[i].Bits) : (b.Values[i].Bits, a.Values[i].Bits);
        ulong ahead = later - earlier;
        return ahead <= 1000 + (ulong)Delta(a, b) / 1_000_000;
    }

    /// <summary>The two probes of one hit, by content and by time (within the pairing window).</summary>
    private bool Full(Hit a, Hit b) => Delta(a, b) <= PairingWindow && Same(a, b);

    private static long Delta(Hit a, Hit b) => a.Timestamp >= b.Timestamp ? (long)(a.Timestamp - b.Timestamp) : (long)(b.Timestamp - a.Timestamp);

    private void Pair(Hit a, Hit b, bool checkBound)
    {
        var plan = a.Plan;
        cpu.HitsCompared++;
        plan.HitsCompared++;
        if (a.Plan != b.Plan)
            throw new InvalidOperationException("paired hits of different tracepoints");
        for (int i = 0; i < plan.Fields.Length; i++)
        {
            cpu.FieldsCompared++;
            if (FieldComparer.Equal(plan.Fields[i], a.Values[i], b.Values[i], options))
                continue;
            if (WithinTicks(plan.Fields[i], a, b, i))
            {
                cpu.TickDifferences++;
                continue;
            }
            {
                log.Add(new HitMismatch(MismatchKind.Field, cpu.Cpu, a.Index, b.Index, plan.Name, plan.Fields[i].Name,
                    a.Values[i].ToDiagnosticString(), b.Values[i].ToDiagnosticString(), a.Timestamp, b.Timestamp), cpu, plan);
            }
        }
        if (!checkBound)
            return;
        long delta = Delta(a, b);
        cpu.MaxTimestampDeltaNs = Math.Max(cpu.MaxTimestampDeltaNs, delta);
        if (delta > Bound)
        {
            log.Add(new HitMismatch(MismatchKind.TimestampBound, cpu.Cpu, a.Index, b.Index, plan.Name,
                Ours: $"{delta} ns", OurTimestamp: a.Timestamp, FtraceTimestamp: b.Timestamp), cpu, plan);
        }
    }

    private void Different(Hit a, Hit b) =>
        log.Add(new HitMismatch(MismatchKind.DifferentEvent, cpu.Cpu, a.Index, b.Index, a.Plan.Name,
            Ours: a.Plan.Name, Ftrace: b.Plan.Name, OurTimestamp: a.Timestamp, FtraceTimestamp: b.Timestamp), cpu, a.Plan);

    private void MissingInOurs(Hit b) =>
        _missingInOurs.Add((new HitMismatch(MismatchKind.MissingInOurs, cpu.Cpu, -1, b.Index, b.Plan.Name, FtraceTimestamp: b.Timestamp), b.Plan));

    private void MissingInFtrace(Hit a) =>
        _missingInFtrace.Add((new HitMismatch(MismatchKind.MissingInFtrace, cpu.Cpu, a.Index, -1, a.Plan.Name, OurTimestamp: a.Timestamp), a.Plan));
}
