namespace Ltt.Trace.Reader.Profile;

/// <summary>
/// One row of the trace's timeline: the events of one CPU (all streams whose packets carry that
/// <c>cpu_id</c>), or of one stream when its packets have no CPU, counted per time bin of the
/// profile's common grid.
/// </summary>
public sealed record TimelineRow(string Label, long? Cpu, IReadOnlyList<long> Bins)
{
    public long Events => Bins.Sum();
}
