using Ltt.Trace.Reader;
using Ltt.Trace.Reader.Decoding;

namespace Ltt.Trace.Validation;

/// <summary>Every enumeration value in a context or payload falls in one of its declared ranges.</summary>
public sealed class EnumValuesPass : ITracePass
{
    public string Name => "enum-values";

    public string Description => "every enumeration value is declared in its enumeration";

    public void OnPacket(StreamCursor stream, List<TraceDiagnostic> findings) => Check(stream, stream.Stream!.PacketContext, stream.PacketContextTape, findings);

    public void OnEvent(StreamCursor stream, List<TraceDiagnostic> findings)
    {
        if (!stream.Event!.HasEnums)
            return;
        Check(stream, stream.Stream!.EventContext, stream.StreamContextTape, findings);
        Check(stream, stream.Event!.Context, stream.EventContextTape, findings);
        Check(stream, stream.Event!.Payload, stream.PayloadTape, findings);
    }

    private static void Check(StreamCursor stream, CompiledScope scope, FieldTape tape, List<TraceDiagnostic> findings)
    {
        if (!scope.HasEnums)
            return;
        int t = 0;
        Walk(stream, scope, 0, tape, ref t, findings);
    }

    private static int Walk(StreamCursor stream, CompiledScope scope, int i, FieldTape tape, ref int t, List<TraceDiagnostic> findings)
    {
        ref readonly var op = ref scope.Ops[i];
        switch (op.Kind)
        {
            case OpKind.Enum:
            {
                ulong value = tape.Values[t++];
                var info = scope.Infos[i];
                if (!info.Enum!.Contains(value))
                {
                    string shown = info.Enum.Container.Signed ? ((long)value).ToString() : value.ToString();
                    findings.Add(new TraceDiagnostic("enum-values", stream.FileName, $"'{info.Path}' = {shown} is not a declared value of its enumeration",
                        Packet: stream.PacketIndex, Offset: stream.EventIndex >= 0 ? stream.EventOffset : stream.PacketOffset,
                        Event: stream.EventIndex, EventName: stream.EventIndex >= 0 ? stream.EventClass?.Name : null));
                }
                return i + 1;
            }
            case OpKind.StructBegin:
            {
                int j = i + 1;
                while (j < i + op.Body)
                    j = Walk(stream, scope, j, tape, ref t, findings);
                return i + op.Body + 1;
            }
            case OpKind.Array or OpKind.Sequence:
            {
                int count = tape.Aux[t++];
                for (int k = 0; k < count; k++)
                    Walk(stream, scope, i + 1, tape, ref t, findings);
                return i + 1 + op.Body;
            }
            case OpKind.Variant:
            {
                int option = tape.Aux[t++];
                Walk(stream, scope, i + scope.Infos[i].Options[option].Start, tape, ref t, findings);
                return i + 1 + op.Body;
            }
            case OpKind.StructEnd:
                return i + 1;
            default:
                t++;
                return i + 1;
        }
    }
}
