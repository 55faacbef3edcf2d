using System.Numerics;
using Ltt.Trace.Ctf;

namespace Ltt.Trace.Buffers;

/// <summary>
/// Everything that shapes a channel's ring buffers, read-only once the channel exists (the
/// role of lttng-modules' <c>lib_ring_buffer_config</c>): one buffer per CPU, each of
/// <see cref="SubbufferCount"/> sub-buffers of <see cref="SubbufferSize"/> bytes (powers of two;
/// a sub-buffer becomes one CTF packet), the full-buffer policy, and the width of the compact
/// timestamp. Defaults live here and nowhere else.
/// </summary>
/// <param name="Name">Channel name: stream files are <c>{Name}_{cpu}</c>.</param>
/// <param name="CpuCount">Buffers in the channel; writers on CPU c use buffer c mod CpuCount.</param>
public sealed record ChannelConfig(
    string Name = "channel0",
    int SubbufferSize = ChannelConfig.DefaultSubbufferSize,
    int SubbufferCount = ChannelConfig.DefaultSubbufferCount,
    BufferMode Mode = BufferMode.Discard,
    int CpuCount = 0)
{
    public const int DefaultSubbufferSize = 256 * 1024;
    public const int DefaultSubbufferCount = 8;

    /// <summary>Smallest sub-buffer: one page, the unit of direct I/O.</summary>
    public const int MinSubbufferSize = 4096;

    /// <summary>Largest sub-buffer: keeps a packet under 2^24 events, the width of the per-sub-buffer event count.</summary>
    public const int MaxSubbufferSize = 1 << 26;

    public const int MaxSubbufferCount = 1 << 16;

    /// <summary>Bits of the compact event header's timestamp.</summary>
    public int TimestampBits => CtfPacketLayout.CompactTimestampBits;

    /// <summary><see cref="CpuCount"/>, or the machine's processor count when it is 0.</summary>
    public int EffectiveCpuCount => CpuCount > 0 ? CpuCount : Environment.ProcessorCount;

    /// <summary>Bytes of one per-CPU buffer.</summary>
    public long BufferSize => (long)SubbufferSize * SubbufferCount;

    /// <summary>What is wrong with this configuration, one message each; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (SubbufferSize < MinSubbufferSize || SubbufferSize > MaxSubbufferSize || !BitOperations.IsPow2(SubbufferSize))
            errors.Add($"sub-buffer size {SubbufferSize} must be a power of two from {MinSubbufferSize} to {MaxSubbufferSize}");
        if (SubbufferCount < 2 || SubbufferCount > MaxSubbufferCount || !BitOperations.IsPow2(SubbufferCount))
            errors.Add($"sub-buffer count {SubbufferCount} must be a power of two from 2 to {MaxSubbufferCount}");
        if (CpuCount < 0 || CpuCount > 4096)
            errors.Add($"CPU count {CpuCount} must be 0 (all) to 4096");
        if (string.IsNullOrEmpty(Name) || Name.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-'))
            errors.Add($"channel name '{Name}' must be letters, digits, '_' or '-'");
        return errors;
    }
}
