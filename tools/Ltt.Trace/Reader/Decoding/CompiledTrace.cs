using Ltt.Trace.Reader.Metadata;

namespace Ltt.Trace.Reader.Decoding;

/// <summary>A trace class with every scope compiled once: what stream cursors decode with.</summary>
internal sealed class CompiledTrace
{
    private CompiledTrace(CtfTraceClass trace, CompiledScope packetHeader, IReadOnlyList<CompiledStream> streams, int registerCount)
    {
        Trace = trace;
        PacketHeader = packetHeader;
        Streams = streams;
        RegisterCount = registerCount;
        HostnameUtf8 = trace.Hostname is { } host ? System.Text.Encoding.UTF8.GetBytes(host) : null;
        UuidBytes = trace.Uuid is { } uuid && Guid.TryParse(uuid, out var guid) ? guid.ToByteArray(bigEndian: true) : null;
    }

    public CtfTraceClass Trace { get; }

    public CompiledScope PacketHeader { get; }

    public IReadOnlyList<CompiledStream> Streams { get; }

    public int RegisterCount { get; }

    /// <summary>Event classes over all stream classes (each <see cref="CompiledEvent.Index"/> is below it).</summary>
    public int EventCount { get; private init; }

    public byte[]? HostnameUtf8 { get; }

    public byte[]? UuidBytes { get; }

    /// <summary>The event class with <see cref="CompiledEvent.Index"/> <paramref name="index"/>.</summary>
    public Metadata.CtfEventClass EventClass(int index) => Streams.SelectMany(s => s.Events).First(e => e.Index == index).Class;

    public CompiledStream? FindStream(ulong id) => Streams.FirstOrDefault(s => (ulong)s.Class.Id == id);

    public static CompiledTrace? Compile(CtfTraceClass trace, List<TraceDiagnostic> diagnostics)
    {
        int before = diagnostics.Count;
        var compiler = new LayoutCompiler(trace.ByteOrder, diagnostics);
        var traceSymbols = new LayoutCompiler.Symbols();
        var header = compiler.Compile(trace.PacketHeader, "trace.packet.header", traceSymbols, (path, name, _) =>
            path != "trace.packet.header." + name ? -1 : name switch
            {
                "magic" => Registers.Magic,
                "stream_id" => Registers.StreamId,
                "stream_instance_id" => Registers.StreamInstanceId,
                _ => -1,
            });
        var streams = new List<Func<CompiledStream>>();
        int eventCount = 0;
        foreach (var streamClass in trace.Streams)
        {
            var symbols = traceSymbols.Copy();
            var packetContext = compiler.Compile(streamClass.PacketContext, "stream.packet.context", symbols, (path, name, _) =>
                path != "stream.packet.context." + name ? -1 : name switch
                {
                    "packet_size" => Registers.PacketSize,
                    "content_size" => Registers.ContentSize,
                    "timestamp_begin" => Registers.TimestampBegin,
                    "timestamp_end" => Registers.TimestampEnd,
                    "events_discarded" => Registers.EventsDiscarded,
                    "packet_seq_num" => Registers.PacketSeqNum,
                    _ => -1,
                });
            var eventHeader = compiler.Compile(streamClass.EventHeader, "stream.event.header", symbols, (_, name, _) => name == "id" ? Registers.EventId : -1);
            var eventContext = compiler.Compile(streamClass.EventContext, "stream.event.context", symbols, (_, _, _) => -1);
            var events = new List<Func<CompiledEvent>>();
            foreach (var eventClass in streamClass.Events)
            {
                var eventSymbols = symbols.Copy();
                var context = compiler.Compile(eventClass.Context, "event.context", eventSymbols, (_, _, _) => -1);
                var payload = compiler.Compile(eventClass.Payload, "event.fields", eventSymbols, (_, _, _) => -1);
                int index = eventCount++;
                events.Add(() => new CompiledEvent(eventClass, context(), payload(), index));
            }
            string? clockName = FindClock(streamClass.PacketContext) ?? FindClock(streamClass.EventHeader);
            CtfClock? clock = null;
            if (clockName is not null)
            {
                clock = trace.Clocks.FirstOrDefault(c => c.Name == clockName);
                if (clock is null)
                    diagnostics.Add(new TraceDiagnostic("metadata", "metadata", $"stream {streamClass.Id} maps timestamps to clock '{clockName}', which is not declared"));
            }
            streams.Add(() => new CompiledStream(streamClass, packetContext(), eventHeader(), eventContext(), events.Select(e => e()).ToList(), clock));
        }
        if (diagnostics.Count > before)
            return null;
        return new CompiledTrace(trace, header(), streams.Select(s => s()).ToList(), compiler.RegisterCount) { EventCount = eventCount };
    }

    private static string? FindClock(CtfType? type) => type switch
    {
        CtfIntegerType i => i.MappedClock,
        CtfEnumType e => e.Container.MappedClock,
        CtfStructType s => s.Members.Select(m => FindClock(m.Type)).FirstOrDefault(c => c is not null),
        CtfVariantType v => v.Options.Select(m => FindClock(m.Type)).FirstOrDefault(c => c is not null),
        _ => null,
    };
}
