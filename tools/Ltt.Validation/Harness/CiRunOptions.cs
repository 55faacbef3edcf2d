using Ltt.Probes.Generation;
using Ltt.Tracepoints;

namespace Ltt.Validation.Harness;

/// <summary>Everything the CI validation run depends on, defaults here.</summary>
/// <param name="OutputFolder">Where the generated probes, the harness build, the trace and the report go; must not exist, or be empty.</param>
/// <param name="Babeltrace">The babeltrace2 executable the trace is cross-checked with.</param>
public sealed record CiRunOptions(ScanOptions Scan, ProbeGeneratorOptions Generate, string OutputFolder, string Babeltrace = "babeltrace2");
