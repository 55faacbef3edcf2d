using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace Ltt.Trace.Reader.Text;

/// <summary>
/// A byte buffer text is written into as the raw bytes babeltrace2 would write: in front of a
/// stream (flushed to it when full), or on its own (it grows; the parallel dump fills one per
/// stream and hands it to the merge).
/// </summary>
public sealed class Utf8Output
{
    private readonly Stream? _stream;
    private byte[] _buffer;
    private int _used;

    public Utf8Output(Stream stream, int capacity = 1 << 16)
    {
        _stream = stream;
        _buffer = new byte[capacity];
    }

    /// <summary>An in-memory buffer that grows as needed.</summary>
    public Utf8Output(int capacity)
    {
        _buffer = new byte[capacity];
    }

    /// <summary>Bytes written and not flushed.</summary>
    public int Length => _used;

    /// <summary>The buffer; its first <see cref="Length"/> bytes are the text.</summary>
    public byte[] Buffer => _buffer;

    /// <summary>Forgets what was written (in-memory use).</summary>
    public void Clear() => _used = 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(byte b)
    {
        if (_used == _buffer.Length)
            MakeRoom(1);
        _buffer[_used++] = b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _used)
        {
            WriteSlow(bytes);
            return;
        }
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    private void WriteSlow(ReadOnlySpan<byte> bytes)
    {
        if (_stream is not null)
        {
            Flush();
            if (bytes.Length > _buffer.Length)
            {
                _stream.Write(bytes);
                return;
            }
        }
        else
        {
            MakeRoom(bytes.Length);
        }
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    /// <summary>Room for at least <paramref name="size"/> bytes; call <see cref="Advance"/> after writing into it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> Reserve(int size)
    {
        if (size > _buffer.Length - _used)
            MakeRoom(size);
        return _buffer.AsSpan(_used);
    }

    public void Advance(int count) => _used += count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteDecimal(ulong value)
    {
        Utf8Formatter.TryFormat(value, Reserve(20), out int n);
        _used += n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteDecimal(long value)
    {
        Utf8Formatter.TryFormat(value, Reserve(20), out int n);
        _used += n;
    }

    /// <summary>Zero-padded to <paramref name="width"/> digits (wider values are written whole).</summary>
    public void WritePadded(ulong value, int width)
    {
        Span<byte> span = Reserve(Math.Max(width, 20));
        Utf8Formatter.TryFormat(value, span, out int n, new StandardFormat('D', (byte)width));
        _used += n;
    }

    private void MakeRoom(int size)
    {
        if (_stream is not null)
        {
            Flush();
            if (size <= _buffer.Length)
                return;
        }
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _used + size));
    }

    public void Flush()
    {
        if (_stream is not null && _used > 0)
        {
            _stream.Write(_buffer, 0, _used);
            _used = 0;
        }
    }
}
