namespace Ltt.Trace.Reader.Profile;

/// <summary>
/// Counts of values (clock cycles) in equal-width bins from a first value on, in fixed memory for any
/// span: when a value falls past the last bin, the width doubles and neighbouring bins merge, so a
/// stream of any length and duration is binned in one pass without knowing its end in advance.
/// Values before the first one (packets stored out of time order) count in the first bin.
/// </summary>
internal sealed class AdaptiveHistogram(int binCount)
{
    private readonly long[] _bins = new long[binCount];
    private bool _started;

    /// <summary>The first value: the start of bin 0.</summary>
    public ulong Origin { get; private set; }

    /// <summary>Width of a bin in the values' unit; a power of two.</summary>
    public ulong Width { get; private set; } = 1;

    public ReadOnlySpan<long> Bins => _bins;

    public void Add(ulong value)
    {
        if (!_started)
        {
            Origin = value;
            _started = true;
        }
        ulong offset = value >= Origin ? value - Origin : 0;
        ulong index = offset / Width;
        while (index >= (ulong)_bins.Length)
        {
            Widen();
            index = offset / Width;
        }
        _bins[index]++;
    }

    /// <summary>Doubles the width: bins 2i and 2i+1 become bin i.</summary>
    private void Widen()
    {
        int half = _bins.Length / 2;
        for (int i = 0; i < half; i++)
            _bins[i] = _bins[2 * i] + _bins[2 * i + 1];
        if (_bins.Length % 2 == 1)
        {
            _bins[half] = _bins[^1];
            half++;
        }
        Array.Clear(_bins, half, _bins.Length - half);
        Width *= 2;
    }
}
