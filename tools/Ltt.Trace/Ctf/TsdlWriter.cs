using System.Globalization;
using System.Text;
using Ltt.Trace.Layout;

namespace Ltt.Trace.Ctf;

/// <summary>
/// Writes the CTF 1.8 metadata (TSDL text) of a trace: the declarations LTTng-UST uses for the
/// packet header, packet context and compact event header (so babeltrace2 reports discarded
/// events and lost packets the same way), one stream class (id 0) and one event class per
/// <see cref="EventLayout"/> with its payload. The one writer of metadata: the runtime puts this
/// text in every trace it records and the probe generator ships it next to the probes.
/// Output is deterministic: same catalog and parameters, same bytes ('\n' line ends).
/// </summary>
public static class TsdlWriter
{
    /// <summary>The stream class every event belongs to.</summary>
    public const int StreamId = 0;

    public static string Write(EventCatalog catalog, CtfTraceParameters parameters)
    {
        var text = new StringBuilder(4096);
        WritePreamble(text, parameters);
        foreach (EventLayout layout in catalog.Events.OrderBy(e => e.Id))
            WriteEvent(text, layout);
        return text.ToString();
    }

    /// <summary>The TSDL of one event's payload struct body (the <c>fields := struct { ... }</c> lines).</summary>
    public static string WritePayloadFields(EventLayout layout, string indent = "\t\t")
    {
        var text = new StringBuilder();
        IReadOnlyList<string> identifiers = TsdlNames.FieldIdentifiers(layout.Fields.Select(f => f.Name));
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < layout.Fields.Count; i++)
        {
            FieldLayout field = layout.Fields[i];
            string identifier = identifiers[i];
            string suffix = "";
            FieldLayout type = field;
            while (type.Kind is FieldKind.Array or FieldKind.Sequence)
            {
                string length = type.Kind == FieldKind.Array
                    ? type.Length.ToString(CultureInfo.InvariantCulture)
                    : byName.GetValueOrDefault(type.LengthField ?? "", "_" + (type.LengthField ?? "length"));
                suffix += "[" + length + "]";
                type = type.Element ?? ElementOf(type);
            }
            text.Append(indent).Append(ScalarType(type, layout.Packed, isElement: suffix.Length > 0)).Append(' ')
                .Append(identifier).Append(suffix).Append(";\n");
            byName.TryAdd(field.Name, identifier);
        }
        return text.ToString();
    }

    private static FieldLayout ElementOf(FieldLayout field) =>
        new(field.Name, FieldKind.Integer, Math.Max(field.Size, 1), Math.Max(field.Alignment, 1), field.Signed, field.ByteOrder, CType: field.CType, Base: field.Base);

    private static string ScalarType(FieldLayout field, bool packed, bool isElement)
    {
        int alignBits = 8 * (packed ? 1 : Math.Max(field.Alignment, 1));
        string order = field.ByteOrder == ByteOrder.BigEndian ? "be" : "le";
        switch (field.Kind)
        {
            case FieldKind.String:
                return "string";
            case FieldKind.Float:
                (int exp, int mant) = field.Size == 4 ? (8, 24) : (11, 53);
                return $"floating_point {{ exp_dig = {exp}; mant_dig = {mant}; align = {alignBits}; byte_order = {order}; }}";
            default:
                // A char array or sequence reads best as text, as LTTng's ctf_array_text.
                string encoding = isElement && field.Size == 1 && field.CType == "char" && field.Base == 10 ? " encoding = UTF8;" : "";
                return $"integer {{ size = {8 * field.Size}; align = {alignBits}; signed = {(field.Signed ? 1 : 0)}; byte_order = {order}; base = {field.Base};{encoding} }}";
        }
    }

    private static void WritePreamble(StringBuilder text, CtfTraceParameters parameters)
    {
        string order = parameters.ByteOrder == ByteOrder.BigEndian ? "be" : "le";
        text.Append("/* CTF 1.8 */\n\n");
        text.Append("typealias integer { size = 8; align = 8; signed = false; } := uint8_t;\n");
        text.Append("typealias integer { size = 32; align = 8; signed = false; } := uint32_t;\n");
        text.Append("typealias integer { size = 64; align = 8; signed = false; } := uint64_t;\n");
        text.Append("typealias integer { size = 5; align = 1; signed = false; } := uint5_t;\n");
        text.Append("typealias integer { size = 27; align = 1; signed = false; } := uint27_t;\n\n");

        text.Append("trace {\n\tmajor = 1;\n\tminor = 8;\n");
        text.Append("\tuuid = \"").Append(parameters.Uuid.ToString("D")).Append("\";\n");
        text.Append("\tbyte_order = ").Append(order).Append(";\n");
        text.Append("\tpacket.header := struct {\n\t\tuint32_t magic;\n\t\tuint8_t  uuid[16];\n");
        text.Append("\t\tuint32_t stream_id;\n\t\tuint64_t stream_instance_id;\n\t};\n};\n\n");

        if (parameters.Environment is { Count: > 0 } environment)
        {
            text.Append("env {\n");
            foreach (var (key, value) in environment)
            {
                string rendered = value switch
                {
                    string s => TsdlNames.Quote(s),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => TsdlNames.Quote(value.ToString() ?? ""),
                };
                text.Append('\t').Append(SanitizeKey(key)).Append(" = ").Append(rendered).Append(";\n");
            }
            text.Append("};\n\n");
        }

        string clock = parameters.ClockName;
        text.Append("clock {\n\tname = \"").Append(clock).Append("\";\n");
        text.Append("\tdescription = \"Monotonic Clock\";\n");
        text.Append("\tfreq = ").Append(parameters.ClockFrequency.ToString(CultureInfo.InvariantCulture)).Append(";\n");
        text.Append("\toffset = ").Append(parameters.ClockOffset.ToString(CultureInfo.InvariantCulture)).Append(";\n};\n\n");

        foreach (int bits in new[] { 27, 64 })
        {
            text.Append("typealias integer {\n\tsize = ").Append(bits).Append("; align = ").Append(bits == 27 ? 1 : 8)
                .Append("; signed = false;\n\tmap = clock.").Append(clock).Append(".value;\n} := uint")
                .Append(bits).Append("_clock_").Append(clock).Append("_t;\n\n");
        }

        text.Append("struct packet_context {\n");
        text.Append("\tuint64_clock_").Append(clock).Append("_t timestamp_begin;\n");
        text.Append("\tuint64_clock_").Append(clock).Append("_t timestamp_end;\n");
        text.Append("\tuint64_t content_size;\n\tuint64_t packet_size;\n\tuint64_t packet_seq_num;\n");
        text.Append("\tuint64_t events_discarded;\n\tuint32_t cpu_id;\n};\n\n");

        text.Append("struct event_header_compact {\n");
        text.Append("\tenum : uint5_t { compact = 0 ... 30, extended = 31 } id;\n");
        text.Append("\tvariant <id> {\n\t\tstruct {\n\t\t\tuint27_clock_").Append(clock).Append("_t timestamp;\n\t\t} compact;\n");
        text.Append("\t\tstruct {\n\t\t\tuint32_t id;\n\t\t\tuint64_clock_").Append(clock).Append("_t timestamp;\n\t\t} extended;\n");
        text.Append("\t} v;\n} align(8);\n\n");

        text.Append("stream {\n\tid = ").Append(StreamId).Append(";\n");
        text.Append("\tevent.header := struct event_header_compact;\n");
        text.Append("\tpacket.context := struct packet_context;\n};\n\n");
    }

    private static void WriteEvent(StringBuilder text, EventLayout layout)
    {
        text.Append("event {\n\tname = ").Append(TsdlNames.Quote(layout.Name)).Append(";\n");
        text.Append("\tid = ").Append(layout.Id.ToString(CultureInfo.InvariantCulture)).Append(";\n");
        text.Append("\tstream_id = ").Append(StreamId).Append(";\n");
        if (layout.Fields.Count == 0)
        {
            text.Append("};\n\n");
            return;
        }
        text.Append("\tfields := struct {\n");
        text.Append(WritePayloadFields(layout));
        text.Append("\t};\n};\n\n");
    }

    private static string SanitizeKey(string key)
    {
        var builder = new StringBuilder(key.Length);
        foreach (char c in key)
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
            builder.Insert(0, '_');
        return builder.ToString();
    }
}
