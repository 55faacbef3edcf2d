using System.Globalization;

namespace Ltt.Html;

/// <summary>How the reports write a trace time: UTC date and time to the nanosecond.</summary>
public static class TraceTime
{
    public static string Format(long ns)
    {
        long seconds = Math.DivRem(ns, 1_000_000_000L, out long nanos);
        if (nanos < 0)
        {
            seconds--;
            nanos += 1_000_000_000L;
        }
        return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            + "." + nanos.ToString("D9", CultureInfo.InvariantCulture) + " UTC";
    }
}
