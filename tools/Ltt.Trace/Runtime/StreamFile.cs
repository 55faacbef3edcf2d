using System.Runtime.InteropServices;
using Ltt.Trace.Native;

namespace Ltt.Trace.Runtime;

/// <summary>
/// One CTF stream file, grown only by whole packets. On Linux it is opened with O_DIRECT: a
/// direct write is not cut short by a fatal signal (a buffered write can stop at any page), and
/// ext4 moves the file size once the write is done, so a process killed mid-write leaves the
/// previous packets and no partial one. Filesystems without direct I/O (tmpfs) fall back to
/// ordinary writes. Buffers passed to <see cref="Append"/> must be page-aligned, page multiples.
/// A write that fails part-way (the disk filled) is cut back to the last whole packet, so the
/// file stays readable.
/// </summary>
internal sealed unsafe class StreamFile : IDisposable
{
    private readonly int _fd;
    private readonly FileStream? _fallback;
    private long _length;

    public StreamFile(string path)
    {
        Path = path;
        if (OperatingSystem.IsLinux())
        {
            _fd = LibC.Open(path, LibC.O_WRONLY | LibC.O_CREAT | LibC.O_TRUNC | LibC.O_DIRECT | LibC.O_CLOEXEC, 0b110_100_100);
            if (_fd >= 0)
            {
                Direct = true;
                return;
            }
        }
        _fd = -1;
        _fallback = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
    }

    public string Path { get; }

    /// <summary>True when writes bypass the page cache (O_DIRECT).</summary>
    public bool Direct { get; }

    public long Length => _length;

    public void Append(ReadOnlySpan<byte> packets)
    {
        if (_fallback is not null)
        {
            try
            {
                _fallback.Write(packets);
                _fallback.Flush();
            }
            catch (IOException ex)
            {
                CutBack();
                throw new IOException($"{Path}: write failed: {ex.Message}", ex);
            }
            _length += packets.Length;
            return;
        }
        fixed (byte* start = packets)
        {
            int done = 0;
            while (done < packets.Length)
            {
                nint written = LibC.PWrite(_fd, start + done, (nuint)(packets.Length - done), _length + done);
                if (written < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno == LibC.EINTR)
                        continue;
                    CutBack();
                    throw new IOException($"{Path}: write failed: {Marshal.GetPInvokeErrorMessage(errno)}");
                }
                done += (int)written;
            }
        }
        _length += packets.Length;
    }

    /// <summary>Drops the part of a failed write that reached the file: it ends at a whole packet again.</summary>
    private void CutBack()
    {
        try
        {
            if (_fallback is not null)
                _fallback.SetLength(_length);
            else
                LibC.FTruncate(_fd, _length);
        }
        catch (IOException)
        {
            // Shrinking needs no space; if even that fails, the reader reports the partial packet.
        }
    }

    /// <summary>Makes what was written durable (fdatasync: with O_DIRECT the data is on the device
    /// already; this commits the file size and allocation).</summary>
    public void Sync()
    {
        if (_fallback is not null)
            _fallback.Flush(flushToDisk: true);
        else if (LibC.FDataSync(_fd) != 0)
            throw new IOException($"{Path}: fdatasync failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
    }

    public void Dispose()
    {
        if (_fallback is not null)
            _fallback.Dispose();
        else if (_fd >= 0)
            LibC.Close(_fd);
    }
}
