using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Ltt.Validation.Harness;

/// <summary>
/// The record file the harness writes through <c>ltt/userspace/ltt-userspace.c</c> (format in
/// <c>kernel-tree/ltt/userspace/README</c>): a header, then one record per probe call.
/// </summary>
public sealed record HarnessRecording(int PointerSize, IReadOnlyList<HarnessRecord> Records)
{
    public const string Magic = "LTTHARN1";

    /// <summary>The event id of an expect record: a value the harness computed for the next record.</summary>
    public const int ExpectId = 0xfffe;

    /// <summary>Reads a record file; a malformed one gives the byte offset of the problem.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, [NotNullWhen(true)] out HarnessRecording? recording, [NotNullWhen(false)] out string? error)
    {
        recording = null;
        if (data.Length < 16 || Encoding.ASCII.GetString(data[..8]) != Magic)
        {
            error = "offset 0: not a harness record file (no LTTHARN1 header)";
            return false;
        }
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(data[8..]);
        if (version != 1)
        {
            error = $"offset 8: record format version {version}, expected 1";
            return false;
        }
        int pointerSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[12..]);
        var records = new List<HarnessRecord>();
        var expectations = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        int at = 16;
        while (at < data.Length)
        {
            if (data.Length - at < 12)
            {
                error = $"offset {at}: record header cut short ({data.Length - at} of 12 bytes)";
                return false;
            }
            int id = BinaryPrimitives.ReadUInt16LittleEndian(data[at..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(data[(at + 2)..]);
            int align = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[(at + 4)..]);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(data[(at + 8)..]);
            if ((long)data.Length - at - 12 < nameLength + (long)size)
            {
                error = $"offset {at}: record of {nameLength} name bytes and {size} payload bytes runs past the end of the file";
                return false;
            }
            string marker = Encoding.UTF8.GetString(data.Slice(at + 12, nameLength));
            byte[] payload = data.Slice(at + 12 + nameLength, (int)size).ToArray();
            if (id == ExpectId)
            {
                if (!expectations.TryAdd(marker, payload))
                {
                    error = $"offset {at}: a second expected value for field '{marker}' before the next record";
                    return false;
                }
            }
            else
            {
                records.Add(new HarnessRecord(id, marker, align, payload, at) { Expectations = expectations });
                expectations = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            }
            at += 12 + nameLength + (int)size;
        }
        if (expectations.Count > 0)
        {
            error = $"offset {at}: expected values for {string.Join(", ", expectations.Keys)} but no record follows them";
            return false;
        }
        recording = new HarnessRecording(pointerSize, records);
        error = null;
        return true;
    }

    public static bool TryLoad(string path, [NotNullWhen(true)] out HarnessRecording? recording, [NotNullWhen(false)] out string? error)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            recording = null;
            error = ex.Message;
            return false;
        }
        if (!TryRead(bytes, out recording, out error))
        {
            error = $"{path}: {error}";
            return false;
        }
        return true;
    }
}
