using System.Runtime.CompilerServices;

namespace Ltt.Trace.Reader.Text;

/// <summary>A byte buffer in front of a stream: text goes out as the raw bytes babeltrace2 would write.</summary>
public sealed class Utf8Output(Stream stream, int capacity = 1 << 16)
{
    private readonly byte[] _buffer = new byte[capacity];
    private int _used;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(byte b)
    {
        if (_used == _buffer.Length)
            Flush();
        _buffer[_used++] = b;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _used)
        {
            Flush();
            if (bytes.Length > _buffer.Length)
            {
                stream.Write(bytes);
                return;
            }
        }
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    /// <summary>Room for at least <paramref name="size"/> bytes; call <see cref="Advance"/> after writing into it.</summary>
    public Span<byte> Reserve(int size)
    {
        if (size > _buffer.Length - _used)
            Flush();
        return _buffer.AsSpan(_used);
    }

    public void Advance(int count) => _used += count;

    public void WriteDecimal(ulong value)
    {
        value.TryFormat(Reserve(20), out int n);
        _used += n;
    }

    public void WriteDecimal(long value)
    {
        value.TryFormat(Reserve(20), out int n);
        _used += n;
    }

    /// <summary>Zero-padded to <paramref name="width"/> digits.</summary>
    public void WritePadded(ulong value, int width)
    {
        var span = Reserve(Math.Max(width, 20));
        int digits = value == 0 ? 1 : (int)Math.Floor(Math.Log10(value)) + 1;
        int pad = Math.Max(0, width - digits);
        span[..pad].Fill((byte)'0');
        value.TryFormat(span[pad..], out int n);
        _used += pad + n;
    }

    public void Flush()
    {
        if (_used > 0)
        {
            stream.Write(_buffer, 0, _used);
            _used = 0;
        }
    }
}
