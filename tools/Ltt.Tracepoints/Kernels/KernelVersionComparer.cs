namespace Ltt.Tracepoints.Kernels;

/// <summary>
/// Orders kernel versions as <c>sort -V</c> does for Debian's ABI names: numbers compare as numbers
/// (ABI 100 of a series after ABI 99), other characters as text.
/// </summary>
public sealed class KernelVersionComparer : IComparer<string>
{
    public static KernelVersionComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
            return x is null ? (y is null ? 0 : -1) : 1;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                int si = i, sj = j;
                while (i < x.Length && char.IsAsciiDigit(x[i])) i++;
                while (j < y.Length && char.IsAsciiDigit(y[j])) j++;
                int byNumber = CompareDigits(x.AsSpan(si, i - si), y.AsSpan(sj, j - sj));
                if (byNumber != 0)
                    return byNumber;
            }
            else
            {
                int byChar = x[i].CompareTo(y[j]);
                if (byChar != 0)
                    return byChar;
                i++;
                j++;
            }
        }
        return (x.Length - i).CompareTo(y.Length - j);
    }

    private static int CompareDigits(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        a = a.TrimStart('0');
        b = b.TrimStart('0');
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
    }
}
