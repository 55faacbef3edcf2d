using System.Text;
using Ltt.Trace.Reader.Decoding;

namespace Ltt.Trace.Reader;

public sealed unsafe partial class StreamCursor
{
    /// <summary>The current event's payload fields as values. Allocates: for comparing values, not for walking large traces.</summary>
    public IReadOnlyList<TraceField> ReadPayload() => Read(_event?.Payload, PayloadTape);

    /// <summary>The current event's per-event-class context fields as values.</summary>
    public IReadOnlyList<TraceField> ReadEventContext() => Read(_event?.Context, EventContextTape);

    private IReadOnlyList<TraceField> Read(CompiledScope? scope, FieldTape tape)
    {
        if (scope is null || !scope.Present || scope.Ops.Length == 0)
            return [];
        int t = 0;
        var value = Value(scope, 0, tape, ref t, out _);
        return value.Members ?? [];
    }

    private TraceValue Value(CompiledScope scope, int i, FieldTape tape, ref int t, out int next)
    {
        ref readonly DecodeOp op = ref scope.Ops[i];
        var info = scope.Infos[i];
        switch (op.Kind)
        {
            case OpKind.Integer:
            case OpKind.Enum:
            {
                ulong raw = tape.Values[t++];
                next = i + 1;
                bool signed = info.Integer!.Signed;
                return new TraceValue(TraceValueKind.Integer, signed ? (Int128)(long)raw : (Int128)raw);
            }
            case OpKind.Float:
            {
                ulong bits = tape.Values[t++];
                next = i + 1;
                double real = op.SizeBits == 32 ? BitConverter.Int32BitsToSingle((int)bits) : BitConverter.Int64BitsToDouble((long)bits);
                return new TraceValue(TraceValueKind.Real, Real: real);
            }
            case OpKind.String:
            case OpKind.TextArray:
            case OpKind.TextSequence:
            {
                long offset = (long)tape.Values[t];
                int length = tape.Aux[t++];
                next = i + 1;
                return new TraceValue(TraceValueKind.Text, Text: Encoding.UTF8.GetString(new ReadOnlySpan<byte>(_base + offset, length)));
            }
            case OpKind.StructBegin:
            {
                var members = new List<TraceField>();
                int j = i + 1;
                while (j < i + op.Body)
                {
                    var member = scope.Infos[j];
                    var value = Value(scope, j, tape, ref t, out j);
                    members.Add(new TraceField(member.Name ?? "", value));
                }
                next = i + op.Body + 1;
                return new TraceValue(TraceValueKind.Structure, Members: members);
            }
            case OpKind.Array:
            case OpKind.Sequence:
            {
                int count = tape.Aux[t++];
                var elements = new List<TraceValue>(count);
                for (int k = 0; k < count; k++)
                    elements.Add(Value(scope, i + 1, tape, ref t, out _));
                next = i + 1 + op.Body;
                return new TraceValue(TraceValueKind.List, Elements: elements);
            }
            case OpKind.Variant:
            {
                int option = tape.Aux[t++];
                var selected = Value(scope, i + info.Options[option].Start, tape, ref t, out _);
                next = i + 1 + op.Body;
                return selected;
            }
            default:
                next = i + 1;
                return new TraceValue(TraceValueKind.Structure, Members: []);
        }
    }
}
