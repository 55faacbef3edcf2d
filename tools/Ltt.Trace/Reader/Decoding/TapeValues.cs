using Ltt.Trace.Values;

namespace Ltt.Trace.Reader.Decoding;

/// <summary>
/// Turns a decoded tape into <see cref="FieldValue"/>s, for callers that compare values (the
/// validation runs, tests) rather than stream them. Allocates; the reader's own paths (stats,
/// dump, validate) read tapes directly.
/// </summary>
internal static unsafe class TapeValues
{
    /// <summary>The members of a decoded scope (its top-level structure); text tape entries are offsets from <paramref name="textBase"/>.</summary>
    public static NamedValue[] Members(CompiledScope? scope, FieldTape tape, byte* textBase)
    {
        if (scope is null || !scope.Present || scope.Ops.Length == 0)
            return [];
        int t = 0;
        return Value(scope, 0, tape, textBase, ref t, out _).Members ?? [];
    }

    /// <summary>The value of the field at op <paramref name="i"/>, reading the tape from entry <paramref name="t"/>; <paramref name="next"/> is the op after it.</summary>
    public static FieldValue Value(CompiledScope scope, int i, FieldTape tape, byte* textBase, ref int t, out int next)
    {
        ref readonly DecodeOp op = ref scope.Ops[i];
        var info = scope.Infos[i];
        switch (op.Kind)
        {
            case OpKind.Integer:
            {
                next = i + 1;
                return FieldValue.FromBits(tape.Values[t++], info.Integer!.Signed);
            }
            case OpKind.Enum:
            {
                ulong raw = tape.Values[t++];
                next = i + 1;
                var labels = info.EnumLabels.Where(l => l.Ranges.Any(r => info.Enum!.Matches(r, raw))).Select(l => System.Text.Encoding.UTF8.GetString(l.Label)).ToList();
                return FieldValue.Enumeration(raw, info.Integer!.Signed, labels.Count == 0 ? null : string.Join(", ", labels));
            }
            case OpKind.Float:
            {
                ulong bits = tape.Values[t++];
                next = i + 1;
                return FieldValue.Float(op.SizeBits == 32 ? BitConverter.Int32BitsToSingle((int)bits) : BitConverter.Int64BitsToDouble((long)bits));
            }
            case OpKind.String:
            case OpKind.TextArray:
            case OpKind.TextSequence:
            {
                long offset = (long)tape.Values[t];
                int length = tape.Aux[t++];
                next = i + 1;
                return FieldValue.String(new ReadOnlySpan<byte>(textBase + offset, length));
            }
            case OpKind.StructBegin:
            {
                var members = new List<NamedValue>();
                int j = i + 1;
                while (j < i + op.Body)
                {
                    var member = scope.Infos[j];
                    var value = Value(scope, j, tape, textBase, ref t, out j);
                    members.Add(new NamedValue(member.Name ?? "", value));
                }
                next = i + op.Body + 1;
                return FieldValue.Structure([.. members]);
            }
            case OpKind.Array:
            case OpKind.Sequence:
            {
                int count = tape.Aux[t++];
                var elements = new FieldValue[count];
                for (int k = 0; k < count; k++)
                    elements[k] = Value(scope, i + 1, tape, textBase, ref t, out _);
                next = i + 1 + op.Body;
                return FieldValue.Array(elements);
            }
            case OpKind.Variant:
            {
                int option = tape.Aux[t++];
                var selected = Value(scope, i + info.Options[option].Start, tape, textBase, ref t, out _);
                next = i + 1 + op.Body;
                return selected;
            }
            default:
                next = i + 1;
                return FieldValue.Structure();
        }
    }
}
