using Ltt.Probes.Spec;
using Ltt.Trace.Layout;
using Ltt.Tracepoints.Markers;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>
/// Turns a value path (<c>prev-&gt;state</c>) on a tracepoint's prototype into a typed
/// <see cref="ProbeValue"/>, or says precisely why it cannot: unknown argument or member,
/// a type that cannot be recorded, an impossible cast.
/// </summary>
internal sealed class ValueResolver(TargetAbi abi, bool packed)
{
    public TargetAbi Abi => abi;

    public bool Packed => packed;

    public bool TryResolvePath(TracepointSite site, string path, out TracepointArg arg, out List<ValueStep> steps, out CType type, out string error)
    {
        var parts = ProbeSpecParser.PathParts(path);
        steps = [];
        type = null!;
        arg = site.Args.FirstOrDefault(a => a.Name == parts[0])!;
        if (arg is null)
        {
            error = $"{site.Name} has no argument '{parts[0]}' (arguments: {string.Join(", ", site.Args.Select(a => a.Name))})";
            return false;
        }
        type = arg.Type;
        string walked = arg.Name;
        foreach (string part in parts.Skip(1))
        {
            bool throughPointer = part.StartsWith("->", StringComparison.Ordinal);
            string memberName = throughPointer ? part[2..] : part[1..];
            CType? owner = throughPointer ? CTypes.PointeeStruct(type) : type.Kind is CTypeKind.Struct or CTypeKind.Union ? type : null;
            if (owner is null)
            {
                error = throughPointer
                    ? $"'{walked}' is a {type.Spelling}, not a pointer to a struct: cannot follow '->{memberName}'"
                    : $"'{walked}' is a {type.Spelling}, not a struct: cannot take '.{memberName}'";
                return false;
            }
            var member = owner.Members.FirstOrDefault(m => m.Name == memberName);
            if (member is null)
            {
                error = owner.Members.Count == 0
                    ? $"{owner.Spelling} is not defined where {site.Name} is declared: cannot read '{memberName}'"
                    : $"{owner.Spelling} has no member '{memberName}'";
                return false;
            }
            steps.Add(new ValueStep(member, throughPointer));
            type = member.Type;
            walked += part;
        }
        error = "";
        return true;
    }

    /// <summary>
    /// Builds the value recorded from <paramref name="source"/>, converted first to
    /// <paramref name="entry"/> when it comes from a TRACE_EVENT field. With
    /// <paramref name="code"/>, the value is what that code computes (no argument, no steps).
    /// </summary>
    public bool TryMakeValue(
        string name,
        TracepointArg? arg,
        IReadOnlyList<ValueStep> steps,
        CType source,
        EventField? entry,
        TraceType? traceType,
        out ProbeValue value,
        out string error,
        ValueCode? code = null)
    {
        value = null!;
        string expression = code?.Source.Expression?.Text ?? (code is not null ? code.Value : arg!.Name + string.Concat(steps));
        CType recordedFrom = entry?.Type ?? source;
        bool entryIsString = entry is not null && (entry.Macro == "__string" || entry.ArrayLength is not null && CTypes.IsPlainChar(entry.Type.Element ?? entry.Type));
        ProbeValueKind kind;
        int bound = 0;

        if (entry is not null && entry.IsDataLoc && entry.Macro != "__string")
        {
            error = $"field '{name}' is a {entry.Macro}: variable-length arrays have no marker format syntax";
            return false;
        }
        if (entry is not null && !entryIsString && (entry.ArrayLength is not null || entry.Type.Kind == CTypeKind.Array))
        {
            error = $"field '{name}' is an array of {entry.TypeSpelling}: only char arrays (strings) have a marker format syntax";
            return false;
        }

        bool charArray = source.Kind == CTypeKind.Array && CTypes.IsStringSource(source);
        if (entryIsString || entry is null && (charArray || traceType is null && CTypes.IsStringSource(source)))
        {
            if (!CTypes.IsStringSource(source))
            {
                error = $"field '{name}' is a string but '{expression}' is a {source.Spelling}";
                return false;
            }
            if (traceType is not null)
            {
                error = $"'{expression}' is a string: it cannot be recorded as {traceType}";
                return false;
            }
            kind = ProbeValueKind.String;
            long? length = entry?.ArrayLength ?? (source.Kind == CTypeKind.Array ? source.ArrayLength : null);
            bound = (int)(length ?? 0);
        }
        else if (recordedFrom.Kind == CTypeKind.Pointer)
        {
            if (source.Kind != CTypeKind.Pointer)
            {
                error = $"field '{name}' is a pointer but '{expression}' is a {source.Spelling}";
                return false;
            }
            kind = ProbeValueKind.Pointer;
            if (traceType is not null && (traceType.Signed || traceType.Size < 4))
            {
                error = $"'{expression}' is a pointer: it can only be recorded as an unsigned integer of 4 or 8 bytes, not {traceType}";
                return false;
            }
        }
        else if (CTypes.IsIntegerLike(recordedFrom))
        {
            if (!CTypes.IsIntegerLike(source) && source.Kind != CTypeKind.Pointer)
            {
                error = $"field '{name}' is an integer but '{expression}' is a {source.Spelling}";
                return false;
            }
            kind = ProbeValueKind.Integer;
        }
        else
        {
            error = recordedFrom.Kind is CTypeKind.Struct or CTypeKind.Union
                ? $"'{expression}' is a {recordedFrom.Spelling}: name its members (e.g. {expression}->member) instead"
                : $"'{expression}' is a {recordedFrom.Spelling}: a marker format cannot carry it";
            return false;
        }

        string? conversion = CTypes.Conversion(recordedFrom, kind, abi);
        if (conversion is null)
        {
            error = $"'{expression}' is a {recordedFrom.Spelling}: a marker format cannot carry it";
            return false;
        }
        if (traceType is not null && kind == ProbeValueKind.Pointer)
            conversion = "p";
        var marker = new MarkerField(name, traceType, conversion);
        if (kind != ProbeValueKind.String && marker.CSize(abi) != recordedFrom.Size)
        {
            error = $"'{expression}' is {recordedFrom.Size} bytes but %{conversion} passes {marker.CSize(abi)}";
            return false;
        }

        FieldLayout layout = kind switch
        {
            ProbeValueKind.String => FieldLayout.String(name) with { CType = recordedFrom.Spelling },
            _ => FieldLayout.Integer(
                name,
                marker.RecordedSize(abi),
                marker.RecordedSigned,
                marker.RecordedAlignment(abi, packed),
                marker.TraceType?.NetworkByteOrder == true || !abi.LittleEndian ? ByteOrder.BigEndian : ByteOrder.LittleEndian)
                with { CType = recordedFrom.Spelling, Base = kind == ProbeValueKind.Pointer ? 16 : 10 },
        };
        value = new ProbeValue(name, arg, steps, source, entry?.Type, kind, marker, layout, bound) { Code = code };
        error = "";
        return true;
    }

    /// <summary>Gives each value (and a sequence's count) its offset in the payload (-1 after the first variable-size one).</summary>
    public static IReadOnlyList<ProbeValue> PlaceOffsets(IReadOnlyList<ProbeValue> values)
    {
        var placed = new List<ProbeValue>(values.Count);
        int offset = 0;
        foreach (var value in values)
        {
            FieldLayout? count = value.CountLayout is { } c ? Place(c, ref offset) : null;
            placed.Add(value with { Layout = Place(value.Layout, ref offset), CountLayout = count });
        }
        return placed;
    }

    private static FieldLayout Place(FieldLayout layout, ref int offset)
    {
        if (offset >= 0)
        {
            int align = Math.Max(1, layout.Alignment);
            offset = (offset + align - 1) / align * align;
        }
        var placed = layout with { Offset = offset };
        if (offset >= 0)
            offset = layout.IsFixedSize ? offset + layout.FixedSize : -1;
        return placed;
    }
}
