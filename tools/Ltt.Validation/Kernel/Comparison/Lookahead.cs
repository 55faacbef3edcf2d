namespace Ltt.Validation.Kernel.Comparison;

/// <summary>A window over a hit source: the aligner peeks a few hits ahead to tell a missing hit from a nested one. Memory stays the window's, not the trace's.</summary>
internal sealed class Lookahead(IHitSource source)
{
    private readonly List<Hit> _buffer = [];
    private int _start;
    private bool _done;

    /// <summary>The hit <paramref name="k"/> places ahead, or null past the end.</summary>
    public Hit? Peek(int k)
    {
        while (_buffer.Count - _start <= k && !_done)
        {
            if (source.Next() is { } hit)
                _buffer.Add(hit);
            else
                _done = true;
        }
        return _start + k < _buffer.Count ? _buffer[_start + k] : null;
    }

    public Hit Take()
    {
        var hit = Peek(0) ?? throw new InvalidOperationException("no hit left to take");
        _start++;
        if (_start >= 4096)
        {
            _buffer.RemoveRange(0, _start);
            _start = 0;
        }
        return hit;
    }
}
