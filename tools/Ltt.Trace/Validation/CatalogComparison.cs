using Ltt.Trace.Layout;
using Ltt.Trace.Reader;
using Ltt.Trace.Reader.Metadata;

namespace Ltt.Trace.Validation;

/// <summary>
/// Compares a trace's metadata with the generated <c>events.json</c>: the same events with the
/// same ids, and for each the same fields in the same order with the same kind, size,
/// signedness, byte order and alignment. This is where a probe that records a <c>long</c> in
/// 2 bytes while the catalog says 4, or a reordered template, shows up.
/// </summary>
public static class CatalogComparison
{
    public const string PassName = "catalog";

    public static List<TraceDiagnostic> Compare(CtfTraceClass trace, EventCatalog catalog)
    {
        var findings = new List<TraceDiagnostic>();
        var byName = trace.AllEvents.GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.First());
        foreach (var expected in catalog.Events)
        {
            if (!byName.TryGetValue(expected.Name, out var actual))
            {
                findings.Add(Finding($"event '{expected.Name}' (id {expected.Id}) is in events.json but not in the trace metadata"));
                continue;
            }
            if (actual.Id != expected.Id)
                findings.Add(Finding($"event '{expected.Name}' has id {actual.Id} in the metadata but {expected.Id} in events.json", expected.Name));
            CompareFields(expected, actual, trace.ByteOrder, findings);
        }
        var known = catalog.Events.Select(e => e.Name).ToHashSet();
        foreach (var ev in trace.AllEvents.Where(e => !known.Contains(e.Name)))
            findings.Add(Finding($"event '{ev.Name}' (id {ev.Id}) is in the trace metadata but not in events.json", ev.Name));
        return findings;
    }

    private static void CompareFields(EventLayout expected, CtfEventClass actual, CtfByteOrder traceOrder, List<TraceDiagnostic> findings)
    {
        var members = actual.Payload?.Members ?? [];
        int count = Math.Max(expected.Fields.Count, members.Count);
        for (int i = 0; i < count; i++)
        {
            if (i >= members.Count)
            {
                findings.Add(Finding($"field {i} '{expected.Fields[i].Name}' is in events.json but missing from the metadata", expected.Name));
                continue;
            }
            string name = Shown(members[i].Name);
            if (i >= expected.Fields.Count)
            {
                findings.Add(Finding($"field {i} '{name}' is in the metadata but not in events.json", expected.Name));
                continue;
            }
            var field = expected.Fields[i];
            if (name != field.Name)
            {
                int elsewhere = members.ToList().FindIndex(m => Shown(m.Name) == field.Name);
                findings.Add(Finding(elsewhere >= 0
                    ? $"field {i} is '{name}' in the metadata but '{field.Name}' in events.json ('{field.Name}' is field {elsewhere} in the metadata: the order differs)"
                    : $"field {i} is '{name}' in the metadata but '{field.Name}' in events.json", expected.Name));
                continue;
            }
            foreach (string difference in Differences(field, members[i].Type, expected.Packed, traceOrder))
                findings.Add(Finding($"field '{field.Name}': {difference}", expected.Name));
        }
    }

    private static IEnumerable<string> Differences(FieldLayout field, CtfType type, bool packed, CtfByteOrder traceOrder)
    {
        int expectedAlign = (packed ? 1 : field.Alignment) * 8;
        switch (field.Kind)
        {
            case FieldKind.Integer:
            {
                var integer = type as CtfIntegerType ?? (type as CtfEnumType)?.Container;
                if (integer is null)
                {
                    yield return $"events.json says integer, the metadata says {Describe(type)}";
                    yield break;
                }
                if (integer.SizeBits != field.Size * 8)
                    yield return $"events.json says {field.Size * 8} bits, the metadata says {integer.SizeBits} bits";
                if (integer.Signed != field.Signed)
                    yield return $"events.json says {(field.Signed ? "signed" : "unsigned")}, the metadata says {(integer.Signed ? "signed" : "unsigned")}";
                var order = integer.ByteOrder == CtfByteOrder.Native ? traceOrder : integer.ByteOrder;
                var expectedOrder = field.ByteOrder == ByteOrder.BigEndian ? CtfByteOrder.BigEndian : CtfByteOrder.LittleEndian;
                if (order != expectedOrder)
                    yield return $"events.json says {expectedOrder}, the metadata says {order}";
                if (integer.AlignmentBits != expectedAlign)
                    yield return $"events.json says {expectedAlign}-bit alignment, the metadata says {integer.AlignmentBits}";
                break;
            }
            case FieldKind.Float:
                if (type is not CtfFloatType real)
                    yield return $"events.json says float, the metadata says {Describe(type)}";
                else if (real.SizeBits != field.Size * 8)
                    yield return $"events.json says a {field.Size * 8}-bit float, the metadata says {real.SizeBits} bits";
                break;
            case FieldKind.String:
                if (type is not CtfStringType)
                    yield return $"events.json says string, the metadata says {Describe(type)}";
                break;
            case FieldKind.Array:
                if (type is not CtfArrayType array)
                {
                    yield return $"events.json says array, the metadata says {Describe(type)}";
                    yield break;
                }
                if (array.Length != field.Length)
                    yield return $"events.json says {field.Length} elements, the metadata says {array.Length}";
                if (field.Element is { } element)
                {
                    foreach (string d in Differences(element, array.Element, packed, traceOrder))
                        yield return "element: " + d;
                }
                break;
            case FieldKind.Sequence:
                if (type is not CtfSequenceType sequence)
                {
                    yield return $"events.json says sequence, the metadata says {Describe(type)}";
                    yield break;
                }
                string lengthField = Shown(sequence.LengthPath.Split('.')[^1]);
                if (field.LengthField is { } expectedLength && lengthField != expectedLength && sequence.LengthPath.Split('.')[^1] != expectedLength)
                    yield return $"events.json takes the length from '{expectedLength}', the metadata from '{sequence.LengthPath}'";
                if (field.Element is { } seqElement)
                {
                    foreach (string d in Differences(seqElement, sequence.Element, packed, traceOrder))
                        yield return "element: " + d;
                }
                break;
        }
    }

    private static string Shown(string name) => name.StartsWith('_') ? name[1..] : name;

    private static string Describe(CtfType type) => type switch
    {
        CtfIntegerType i => $"a {i.SizeBits}-bit integer",
        CtfEnumType => "an enumeration",
        CtfFloatType f => $"a {f.SizeBits}-bit float",
        CtfStringType => "a string",
        CtfArrayType a => $"an array of {a.Length}",
        CtfSequenceType => "a sequence",
        CtfStructType => "a structure",
        CtfVariantType => "a variant",
        _ => type.GetType().Name,
    };

    private static TraceDiagnostic Finding(string message, string? eventName = null) =>
        new(PassName, "metadata", message, EventName: eventName);
}
