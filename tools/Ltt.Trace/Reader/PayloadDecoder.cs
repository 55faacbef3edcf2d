using System.Diagnostics.CodeAnalysis;
using Ltt.Trace.Ctf;
using Ltt.Trace.Layout;
using Ltt.Trace.Reader.Decoding;
using Ltt.Trace.Reader.Metadata;

namespace Ltt.Trace.Reader;

/// <summary>
/// Decodes single event payloads, outside any stream or packet, with the trace reader's own
/// decoder: the catalog's metadata is written by <see cref="TsdlWriter"/> and parsed back, so a
/// payload decodes exactly as the same event does in a trace recorded with that catalog. For
/// checking what a probe serialized before it reaches a trace (the gcc harness's records).
/// Positions and alignments count from the payload's first byte, as the serializer lays them out.
/// </summary>
public sealed unsafe class PayloadDecoder
{
    private readonly Dictionary<long, (CompiledEvent Compiled, EventLayout Layout)> _events;
    private readonly FieldReader _reader;
    private readonly FieldTape _tape = new();

    private PayloadDecoder(Dictionary<long, (CompiledEvent, EventLayout)> events, int registers)
    {
        _events = events;
        _reader = new FieldReader(registers);
    }

    /// <summary>Compiles every event of <paramref name="catalog"/>; fails when the catalog's metadata does not compile.</summary>
    public static bool TryCreate(EventCatalog catalog, [NotNullWhen(true)] out PayloadDecoder? decoder, [NotNullWhen(false)] out string? error)
    {
        decoder = null;
        string text = TsdlWriter.Write(catalog, new CtfTraceParameters(Guid.Empty, catalog.ByteOrder));
        var parsed = TsdlParser.Parse(text, "events.json metadata");
        var diagnostics = new List<TraceDiagnostic>(parsed.Diagnostics);
        var compiled = parsed.Trace is { } trace ? CompiledTrace.Compile(trace, diagnostics) : null;
        if (compiled is null || diagnostics.Count > 0)
        {
            error = "the catalog's metadata does not compile: " + string.Join("; ", diagnostics);
            return false;
        }
        var events = new Dictionary<long, (CompiledEvent, EventLayout)>();
        foreach (var layout in catalog.Events)
        {
            var ev = compiled.FindStream(TsdlWriter.StreamId)?.Find((ulong)layout.Id);
            if (ev is null)
            {
                error = $"event {layout.Name} (id {layout.Id}) is missing from the catalog's metadata";
                return false;
            }
            events[layout.Id] = (ev, layout);
        }
        decoder = new PayloadDecoder(events, compiled.RegisterCount);
        error = null;
        return true;
    }

    /// <summary>Decodes the payload of event <paramref name="eventId"/>, field by field, stopping at the first that does not fit.</summary>
    public PayloadDecodeResult Decode(int eventId, ReadOnlySpan<byte> payload)
    {
        if (!_events.TryGetValue(eventId, out var entry))
            return new PayloadDecodeResult([], 0, $"events.json has no event with id {eventId}");
        var (compiled, layout) = entry;
        var scope = compiled.Payload;
        var fields = new List<DecodedField>();
        if (!scope.Present || scope.Ops.Length == 0)
            return new PayloadDecodeResult(fields, 0, null);
        fixed (byte* origin = payload)
        {
            _reader.Reset(origin, 0, (long)payload.Length * 8, payload.Length);
            _tape.Clear();
            var ops = scope.Ops;
            int end = ops[0].Body;
            int member = 1;
            int t = 0;
            for (int k = 0; member < end; k++)
            {
                ref readonly DecodeOp op = ref ops[member];
                int next = member + 1 + (op.Kind is OpKind.Array or OpKind.Sequence or OpKind.Variant or OpKind.StructBegin ? op.Body : 0);
                string name = k < layout.Fields.Count ? layout.Fields[k].Name : scope.Infos[member].Name ?? "";
                long start = FieldReader.Align(_reader.Position, op.Kind == OpKind.String ? 8 : op.AlignBits);
                if (!_reader.Run(scope, member, next, _tape, "event payload"))
                    return new PayloadDecodeResult(fields, (int)(_reader.Position >> 3), $"field '{name}': {Describe(scope, payload.Length)}");
                var value = TapeValues.Value(scope, member, _tape, origin, ref t, out _);
                fields.Add(new DecodedField(name, value, (int)(start >> 3)));
                member = next;
            }
            return new PayloadDecodeResult(fields, (int)((_reader.Position + 7) >> 3), null);
        }
    }

    /// <summary>The reader's failure in payload terms (byte offsets from the payload start).</summary>
    private string Describe(CompiledScope scope, int length)
    {
        var (check, message, position, op) = _reader.Failure;
        long at = position >> 3;
        return scope.Ops[op].Kind switch
        {
            OpKind.Integer or OpKind.Enum or OpKind.Float when check == "truncated" =>
                $"needs {(scope.Ops[op].SizeBits + 7) / 8} bytes at offset {at}, the payload has {length}",
            OpKind.String => $"string at offset {at} has no NUL before the end of the payload ({length} bytes)",
            _ => $"{message.Replace("packet content", "payload", StringComparison.Ordinal)} (offset {at}, payload of {length} bytes)",
        };
    }
}
