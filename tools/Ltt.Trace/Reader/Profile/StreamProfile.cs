namespace Ltt.Trace.Reader.Profile;

/// <summary>What one stream file holds: its CPU (LTTng's packet context <c>cpu_id</c>), events, packets, bytes, time span and losses.</summary>
public sealed record StreamProfile(
    string File,
    long? Cpu,
    long Events,
    long Packets,
    long Bytes,
    long? FirstNs,
    long? LastNs,
    ulong Discarded,
    ulong LostPackets);
