using Ltt.Trace.Layout;
using Ltt.Tracepoints.Markers;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>
/// One generated event: the tracepoint it hooks, its stable id, its channel and marker, the
/// values its probe records and the payload layout those values make.
/// </summary>
public sealed record ProbeEvent(
    TracepointSite Site,
    int Id,
    string Channel,
    string Marker,
    IReadOnlyList<ProbeValue> Values,
    MarkerFormat Format,
    EventLayout Layout)
{
    public string Name => Site.Name;

    /// <summary>For a dynamic probe, the function it sits on; null for a tracepoint's probe.</summary>
    public KprobeTarget? Kprobe { get; init; }

    public string ProbeName => "probe_" + Site.Name;

    /// <summary>True when every value has a fixed size: the probe fills one specialised struct.</summary>
    public bool IsFixedSize => Values.All(v => v.Kind is not (ProbeValueKind.String or ProbeValueKind.Sequence));

    /// <summary>Bytes of a fixed-size payload (the serialize struct up to <c>end_field</c>).</summary>
    public int FixedSize => Values.Count == 0 ? 0 : Values[^1].Layout.Offset + Values[^1].Layout.FixedSize;

    public int LargestAlignment => Layout.LargestAlignment;

    public string FormatText => Format.ToString();
}
