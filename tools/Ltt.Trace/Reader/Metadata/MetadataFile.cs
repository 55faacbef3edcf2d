using System.Buffers.Binary;
using System.Text;

namespace Ltt.Trace.Reader.Metadata;

/// <summary>
/// Reads a trace's <c>metadata</c> file, in plain TSDL text or in the packetized form LTTng
/// writes (packets starting with magic 0x75D11D57 whose payload is TSDL text), and parses it.
/// </summary>
public static class MetadataFile
{
    public const uint PacketMagic = 0x75D11D57;

    /// <summary>Size in bytes of a metadata packet header: magic, uuid, checksum, content and packet sizes, compression, encryption, checksum scheme, major, minor.</summary>
    private const int PacketHeaderSize = 37;

    public static MetadataParseResult Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new MetadataParseResult(null, [new TraceDiagnostic("metadata", Path.GetFileName(path), ex.Message)]);
        }
        var diagnostics = new List<TraceDiagnostic>();
        string? text = Decode(bytes, "metadata", diagnostics);
        if (text is null)
            return new MetadataParseResult(null, diagnostics);
        return TsdlParser.Parse(text, "metadata");
    }

    /// <summary>Returns the TSDL text of a metadata file's bytes, unpacking packets when needed; null with diagnostics when it cannot.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string file, List<TraceDiagnostic> diagnostics)
    {
        if (bytes.Length >= 4 && (BinaryPrimitives.ReadUInt32LittleEndian(bytes) == PacketMagic || BinaryPrimitives.ReadUInt32BigEndian(bytes) == PacketMagic))
            return Unpack(bytes, file, diagnostics);
        if (bytes.IndexOf((byte)0) is int nul and >= 0)
        {
            diagnostics.Add(new TraceDiagnostic("metadata", file, "NUL byte in text metadata", Offset: nul));
            return null;
        }
        return Encoding.UTF8.GetString(bytes);
    }

    private static string? Unpack(ReadOnlySpan<byte> bytes, string file, List<TraceDiagnostic> diagnostics)
    {
        bool bigEndian = BinaryPrimitives.ReadUInt32BigEndian(bytes) == PacketMagic;
        var text = new StringBuilder();
        int offset = 0;
        int index = 0;
        while (offset < bytes.Length)
        {
            var rest = bytes[offset..];
            if (rest.Length < PacketHeaderSize)
            {
                diagnostics.Add(new TraceDiagnostic("metadata", file, $"metadata packet {index} is truncated: {rest.Length} bytes left, a header needs {PacketHeaderSize}", Packet: index, Offset: offset));
                return null;
            }
            uint magic = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(rest) : BinaryPrimitives.ReadUInt32LittleEndian(rest);
            if (magic != PacketMagic)
            {
                diagnostics.Add(new TraceDiagnostic("metadata", file, $"metadata packet {index} has magic 0x{magic:X8}, expected 0x{PacketMagic:X8}", Packet: index, Offset: offset));
                return null;
            }
            uint contentBits = Read32(rest[24..], bigEndian);
            uint packetBits = Read32(rest[28..], bigEndian);
            byte compression = rest[32], encryption = rest[33], checksum = rest[34];
            if (contentBits % 8 != 0 || packetBits % 8 != 0 || contentBits > packetBits || contentBits < PacketHeaderSize * 8)
            {
                diagnostics.Add(new TraceDiagnostic("metadata", file, $"metadata packet {index} has content size {contentBits} bits and packet size {packetBits} bits", Packet: index, Offset: offset));
                return null;
            }
            if (packetBits / 8 > (uint)rest.Length)
            {
                diagnostics.Add(new TraceDiagnostic("metadata", file, $"metadata packet {index} claims {packetBits / 8} bytes but only {rest.Length} remain", Packet: index, Offset: offset));
                return null;
            }
            if (compression != 0 || encryption != 0 || checksum != 0)
            {
                diagnostics.Add(new TraceDiagnostic("metadata", file, $"metadata packet {index} uses compression, encryption or a checksum, which are not supported", Packet: index, Offset: offset));
                return null;
            }
            var payload = rest[PacketHeaderSize..(int)(contentBits / 8)];
            if (payload.IndexOf((byte)0) is int nul and >= 0)
            {
                diagnostics.Add(new TraceDiagnostic("metadata", file, $"NUL byte in metadata packet {index}", Packet: index, Offset: offset + PacketHeaderSize + nul));
                return null;
            }
            text.Append(Encoding.UTF8.GetString(payload));
            offset += (int)(packetBits / 8);
            index++;
        }
        return text.ToString();
    }

    private static uint Read32(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
}
