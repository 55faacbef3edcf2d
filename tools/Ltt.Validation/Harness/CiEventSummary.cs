namespace Ltt.Validation.Harness;

/// <summary>Per event: payloads the gcc-built probes recorded, events decoded from the replayed trace, mismatches found.</summary>
public sealed record CiEventSummary(int Id, string Event, int Recorded, long Decoded, int Mismatched);
