using System.Runtime.CompilerServices;

namespace Ltt.Trace.Reader.Text;

/// <summary>
/// The start of babeltrace2's line for an event with a time: <c>[HH:MM:SS.nnnnnnnnn] (+s.nnnnnnnnn) </c>.
/// The first part, the wall-clock time in local time, depends on the event alone
/// (<see cref="WriteClock"/>, formatted where the event is: the dump's workers); the second, the
/// time since the previous event printed (<c>+?.?????????</c> for the first), on the order
/// events are printed in (<see cref="WriteDelta"/>, formatted by whoever orders them). The
/// hours, minutes and seconds are formatted once per second.
/// </summary>
internal sealed class TimePrefix
{
    /// <summary>Bytes of <c>[HH:MM:SS.nnnnnnnnn] </c>.</summary>
    public const int ClockBytes = 21;

    private readonly byte[] _clock = new byte[10];
    private long _second = long.MinValue;
    private long _lastNs;
    private bool _hasLast;

    /// <summary>Writes the whole prefix: clock, then delta.</summary>
    public void Write(Utf8Output output, long ns)
    {
        WriteClock(output, ns);
        WriteDelta(output, ns);
    }

    /// <summary>Writes <c>[HH:MM:SS.nnnnnnnnn] </c> (<see cref="ClockBytes"/> bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteClock(Utf8Output output, long ns)
    {
        Span<byte> span = output.Reserve(ClockBytes);
        long seconds = ns / 1_000_000_000L;
        long nanos = ns % 1_000_000_000L;
        if (nanos < 0)
        {
            seconds--;
            nanos += 1_000_000_000L;
        }
        if (seconds != _second)
            FormatSecond(seconds);
        ref byte at = ref span[0];
        Unsafe.CopyBlockUnaligned(ref at, ref _clock[0], 10);
        Digits.WriteNine(ref Unsafe.Add(ref at, 10), (uint)nanos);
        Unsafe.Add(ref at, 19) = (byte)']';
        Unsafe.Add(ref at, 20) = (byte)' ';
        output.Advance(ClockBytes);
    }

    /// <summary>Writes <c>(+s.nnnnnnnnn) </c>, the time since the event this instance last wrote a delta for.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteDelta(Utf8Output output, long ns)
    {
        Span<byte> span = output.Reserve(48);
        ref byte at = ref span[0];
        at = (byte)'(';
        int n = 1;
        if (_hasLast)
        {
            ulong delta = (ulong)(ns - _lastNs);
            ulong deltaSeconds = delta / 1_000_000_000UL;
            Unsafe.Add(ref at, n++) = (byte)'+';
            n += Digits.Write(ref Unsafe.Add(ref at, n), deltaSeconds);
            Unsafe.Add(ref at, n++) = (byte)'.';
            Digits.WriteNine(ref Unsafe.Add(ref at, n), (uint)(delta - deltaSeconds * 1_000_000_000UL));
            n += 9;
        }
        else
        {
            "+?.?????????"u8.CopyTo(span[n..]);
            n += 12;
        }
        Unsafe.Add(ref at, n++) = (byte)')';
        Unsafe.Add(ref at, n++) = (byte)' ';
        output.Advance(n);
        _lastNs = ns;
        _hasLast = true;
    }

    private void FormatSecond(long seconds)
    {
        var utc = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var local = utc.ToOffset(TimeZoneInfo.Local.GetUtcOffset(utc));
        _clock[0] = (byte)'[';
        Two(1, local.Hour);
        _clock[3] = (byte)':';
        Two(4, local.Minute);
        _clock[6] = (byte)':';
        Two(7, local.Second);
        _clock[9] = (byte)'.';
        _second = seconds;
    }

    private void Two(int at, int value)
    {
        _clock[at] = (byte)('0' + value / 10);
        _clock[at + 1] = (byte)('0' + value % 10);
    }
}
