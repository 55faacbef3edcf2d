using Ltt.Clang;

namespace Ltt.Tracepoints.Scanning;

/// <summary>Reads the <c>annotate("ltt:key:value")</c> attributes the prelude puts on what it declares.</summary>
internal static class Annotations
{
    public static Dictionary<string, string> Of(Cursor cursor)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string a in cursor.Annotations)
        {
            if (!a.StartsWith("ltt:", StringComparison.Ordinal))
                continue;
            int colon = a.IndexOf(':', 4);
            if (colon < 0)
                continue;
            result.TryAdd(a[4..colon], a[(colon + 1)..]);
        }
        return result;
    }
}
