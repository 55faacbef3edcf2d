using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ltt.Trace.Reader.Decoding;

namespace Ltt.Trace.Reader.Text;

/// <summary>
/// Writes the part of babeltrace2's line after the time: <c>host name: { packet context },
/// { stream event context }, { event context }, { payload }</c> and the newline, for the
/// events of one stream. The packet context is formatted once per packet, each scope's text is
/// compiled once (<see cref="ScopeText"/>) where its shape allows, so a line is mostly copies
/// and numbers. One instance per stream (it remembers that stream's current packet).
/// </summary>
internal sealed unsafe class EventText
{
    private readonly Utf8Output _packetText = new(256);
    private Plan?[] _plans = [];
    private StreamCursor? _packetCursor;
    private long _packetIndex = -1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(Utf8Output output, StreamCursor cursor)
    {
        var stream = cursor.Stream!;
        var ev = cursor.Event!;
        var plan = ev.Index < _plans.Length && _plans[ev.Index] is { } known ? known : Compile(cursor, stream, ev);
        if (plan.PacketContext && (!ReferenceEquals(cursor, _packetCursor) || cursor.PacketIndex != _packetIndex))
        {
            _packetText.Clear();
            int t = 0;
            ValueText.Field(_packetText, cursor.Base, stream.PacketContext, 0, cursor.PacketContextTape, ref t, print: true);
            _packetCursor = cursor;
            _packetIndex = cursor.PacketIndex;
        }
        if (plan.DecimalOnly)
        {
            WriteDecimalLine(output, cursor, plan);
            return;
        }
        output.Write(plan.Head);
        bool first = true;
        if (plan.PacketContext)
        {
            output.Write(_packetText.Buffer.AsSpan(0, _packetText.Length));
            first = false;
        }
        if (plan.StreamContext is { } streamContext)
            Scope(output, cursor, streamContext, stream.EventContext, cursor.StreamContextTape, ref first);
        if (plan.Context is { } context)
            Scope(output, cursor, context, ev.Context, cursor.EventContextTape, ref first);
        if (plan.Payload is { } payload)
            Scope(output, cursor, payload, ev.Payload, cursor.PayloadTape, ref first);
        output.Write((byte)'\n');
    }

    /// <summary>The common line, every value a decimal integer: one span reserved, literals and digits written into it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteDecimalLine(Utf8Output output, StreamCursor cursor, Plan plan)
    {
        int packetBytes = plan.PacketContext ? _packetText.Length : 0;
        ref byte start = ref MemoryMarshal.GetReference(output.Reserve(plan.MaxBytes + packetBytes));
        Unsafe.CopyBlockUnaligned(ref start, ref MemoryMarshal.GetArrayDataReference(plan.Head), (uint)plan.Head.Length);
        int n = plan.Head.Length;
        bool first = true;
        if (plan.PacketContext)
        {
            Unsafe.CopyBlockUnaligned(ref Unsafe.Add(ref start, n), ref _packetText.Buffer[0], (uint)packetBytes);
            n += packetBytes;
            first = false;
        }
        if (plan.StreamContext is { } streamContext)
            n += DecimalScope(ref Unsafe.Add(ref start, n), streamContext, cursor.StreamContextTape, ref first);
        if (plan.Context is { } context)
            n += DecimalScope(ref Unsafe.Add(ref start, n), context, cursor.EventContextTape, ref first);
        if (plan.Payload is { } payload)
            n += DecimalScope(ref Unsafe.Add(ref start, n), payload, cursor.PayloadTape, ref first);
        Unsafe.Add(ref start, n++) = (byte)'\n';
        output.Advance(n);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DecimalScope(ref byte at, ScopeText text, FieldTape tape, ref bool first)
    {
        int n = 0;
        if (!first)
        {
            at = (byte)',';
            Unsafe.Add(ref at, 1) = (byte)' ';
            n = 2;
        }
        first = false;
        return n + text.WriteDecimals(ref Unsafe.Add(ref at, n), tape.Values);
    }

    /// <summary>What printing an event class takes, worked out at its first event: "host name: " and each printed scope's text.</summary>
    private Plan Compile(StreamCursor cursor, CompiledStream stream, CompiledEvent ev)
    {
        if (_plans.Length <= ev.Index)
            Array.Resize(ref _plans, Math.Max(cursor.Compiled.EventCount, ev.Index + 1));
        var head = new List<byte>();
        if (cursor.Compiled.HostnameUtf8 is { } host)
        {
            head.AddRange(host);
            head.Add((byte)' ');
        }
        head.AddRange(ev.NameUtf8);
        head.AddRange(": "u8);
        return _plans[ev.Index] = new Plan(
            [.. head],
            stream.PacketContext.Present && stream.PacketContext.Visible,
            Printed(stream.EventContext),
            Printed(ev.Context),
            Printed(ev.Payload));
    }

    /// <summary>The text of a scope babeltrace2 prints: compiled when its shape allows, else the op walker's; null when not printed.</summary>
    private static ScopeText? Printed(CompiledScope scope) =>
        !scope.Present || !scope.Visible ? null : ScopeText.TryCreate(scope) ?? ScopeText.Walker;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Scope(Utf8Output output, StreamCursor cursor, ScopeText text, CompiledScope scope, FieldTape tape, ref bool first)
    {
        if (!first)
            output.Write(", "u8);
        first = false;
        if (!ReferenceEquals(text, ScopeText.Walker))
        {
            text.Write(output, scope, tape, cursor.Base);
            return;
        }
        int t = 0;
        ValueText.Field(output, cursor.Base, scope, 0, tape, ref t, print: true);
    }

    private sealed record Plan(byte[] Head, bool PacketContext, ScopeText? StreamContext, ScopeText? Context, ScopeText? Payload)
    {
        /// <summary>Every printed scope is compiled and all its values decimal integers (the packet context is text formatted per packet).</summary>
        public bool DecimalOnly { get; } = new[] { StreamContext, Context, Payload }.All(s => s is null || s != ScopeText.Walker && s.DecimalOnly);

        /// <summary>Bytes a decimal-only line takes at most, besides the packet context.</summary>
        public int MaxBytes { get; } = Head.Length + 1 + new[] { StreamContext, Context, Payload }.Sum(s => s is null || s == ScopeText.Walker ? 0 : s.MaxBytes + 2);
    }
}
