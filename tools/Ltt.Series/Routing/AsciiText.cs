namespace Ltt.Series.Routing;

/// <summary>Perl's <c>lc</c> on byte strings: only ASCII letters change case.</summary>
internal static class AsciiText
{
    public static string AsciiLower(this string s)
    {
        foreach (char c in s)
        {
            if (c is >= 'A' and <= 'Z')
                return string.Create(s.Length, s, static (span, source) =>
                {
                    for (int i = 0; i < source.Length; i++)
                        span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + 32) : source[i];
                });
        }
        return s;
    }
}
