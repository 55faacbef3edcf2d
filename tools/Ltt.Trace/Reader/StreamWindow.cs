using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Ltt.Trace.Reader;

/// <summary>
/// A window on a stream file: a reused buffer the file is read into (positioned reads of a MiB
/// or more), holding at least the packet being decoded. Reading through the page cache into one
/// buffer costs a copy, where mapping the file costs a page-table update per page on first touch;
/// measured here, the copy is several times cheaper (see the reader benchmark), and resident
/// memory stays at the buffer's size whatever the file's.
/// </summary>
internal sealed unsafe class StreamWindow : IDisposable
{
    private const int MinimumCapacity = 1 << 20;
    private const int PageSize = 4096;

    private readonly SafeFileHandle _file;
    private byte* _buffer;
    private long _capacity;

    private StreamWindow(SafeFileHandle file, long length)
    {
        _file = file;
        Length = length;
    }

    /// <summary>Size of the file.</summary>
    public long Length { get; }

    /// <summary>The buffer; valid until the next <see cref="Ensure"/> that moves the window.</summary>
    public byte* Buffer => _buffer;

    /// <summary>File offset of the buffer's first byte.</summary>
    public long Start { get; private set; }

    /// <summary>File offset just after the last byte read into the buffer.</summary>
    public long End { get; private set; }

    /// <summary>Opens <paramref name="path"/>. Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when it cannot be read.</summary>
    public static StreamWindow Open(string path)
    {
        var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.SequentialScan);
        return new StreamWindow(file, RandomAccess.GetLength(file));
    }

    /// <summary>
    /// Makes the file's bytes [<paramref name="offset"/>, <paramref name="offset"/> + <paramref name="count"/>)
    /// (cut at the end of the file) present in the buffer, reading ahead as far as the buffer holds.
    /// True when the window moved (pointers into the buffer are then stale).
    /// </summary>
    public bool Ensure(long offset, long count)
    {
        long end = Math.Min(Length, offset + count);
        if (_buffer != null && offset >= Start && end <= End)
            return false;
        long needed = end - offset;
        if (needed > _capacity || _buffer == null)
        {
            long capacity = Math.Max(MinimumCapacity, Math.Max(needed, _capacity));
            capacity = Math.Min(capacity, Math.Max(needed, Length - offset));
            capacity = Math.Max(capacity, 16);
            if (_buffer != null)
                NativeMemory.AlignedFree(_buffer);
            // Page-aligned: the kernel copies page-cache pages into a buffer at malloc's usual
            // 16-byte offset three times slower than into an aligned one (measured here: 114 ms
            // against 34 ms for 210 MB), which was half the CPU time of `stats` on a large trace.
            _buffer = (byte*)NativeMemory.AlignedAlloc((nuint)capacity, PageSize);
            _capacity = capacity;
        }
        long read = 0;
        long want = Math.Min(_capacity, Length - offset);
        while (read < want)
        {
            int n = RandomAccess.Read(_file, new Span<byte>(_buffer + read, (int)Math.Min(want - read, int.MaxValue)), offset + read);
            if (n <= 0)
                break;
            read += n;
        }
        Start = offset;
        End = offset + read;
        if (End < end)
            throw new IOException($"the file ended at byte {End} while reading up to {end} (was it truncated while being read?)");
        return true;
    }

    public void Dispose()
    {
        if (_buffer != null)
            NativeMemory.AlignedFree(_buffer);
        _buffer = null;
        _file.Dispose();
    }
}
