using System.Globalization;
using Ltt.Trace.Layout;
using Ltt.Trace.Serialization;
using Ltt.Trace.Values;

namespace Ltt.Trace.Runtime;

/// <summary>
/// Deterministic field values for the synthetic workload, built once per thread: for event e,
/// iteration i, thread t, a top-level integer field k holds (i * 31 + k * 7 + t) truncated to
/// its size; strings, arrays and sequences cycle through 8 prepared variants (variant i mod 8;
/// a sequence of variant v has v mod 5 elements and its length field says so). So a reader can
/// recompute every value from the event's position in its thread.
/// </summary>
public sealed class WorkloadValues
{
    private const int Variants = 8;
    private readonly int _thread;
    private readonly FieldValue[][][] _variants;
    private readonly FieldValue[][] _current;
    private readonly bool[][] _perIteration;

    public WorkloadValues(EventSerializer[] serializers, int thread)
    {
        _thread = thread;
        _variants = new FieldValue[serializers.Length][][];
        _current = new FieldValue[serializers.Length][];
        _perIteration = new bool[serializers.Length][];
        for (int e = 0; e < serializers.Length; e++)
        {
            _variants[e] = new FieldValue[Variants][];
            for (int v = 0; v < Variants; v++)
                _variants[e][v] = Build(serializers[e].Layout, v, thread);
            IReadOnlyList<FieldLayout> fields = serializers[e].Layout.Fields;
            _current[e] = new FieldValue[fields.Count];
            _perIteration[e] = [.. Enumerable.Range(0, fields.Count).Select(k => fields[k].Kind == FieldKind.Integer && !IsLengthField(fields, k))];
        }
    }

    /// <summary>The values of event <paramref name="e"/> at iteration <paramref name="i"/> (a buffer reused by the next call).</summary>
    public ReadOnlySpan<FieldValue> For(int e, long i)
    {
        FieldValue[] variant = _variants[e][(int)(i % Variants)];
        FieldValue[] current = _current[e];
        bool[] perIteration = _perIteration[e];
        for (int k = 0; k < current.Length; k++)
            current[k] = perIteration[k] ? IntegerValue(i, k, _thread) : variant[k];
        return current;
    }

    /// <summary>The value of top-level integer field <paramref name="k"/> (not a sequence length) at iteration i.</summary>
    public static FieldValue IntegerValue(long i, int k, int thread) => FieldValue.Unsigned((ulong)(i * 31 + k * 7 + thread));

    public static bool IsLengthField(IReadOnlyList<FieldLayout> fields, int k) =>
        fields.Any(f => f.Kind == FieldKind.Sequence && f.LengthField == fields[k].Name);

    private static FieldValue[] Build(EventLayout layout, int variant, int thread)
    {
        var values = new FieldValue[layout.Fields.Count];
        for (int k = 0; k < values.Length; k++)
        {
            FieldLayout field = layout.Fields[k];
            values[k] = field.Kind == FieldKind.Sequence
                ? FieldValue.Array([.. Enumerable.Range(0, variant % 5).Select(n => Element(EventSerializer.ElementOf(field), variant, n, thread))])
                : Element(field, variant, k, thread);
        }
        for (int k = 0; k < values.Length; k++)
        {
            FieldLayout field = layout.Fields[k];
            if (field.Kind == FieldKind.Sequence)
            {
                int length = layout.Fields.ToList().FindIndex(f => f.Name == field.LengthField);
                if (length >= 0)
                    values[length] = FieldValue.Unsigned((ulong)(variant % 5));
            }
        }
        return values;
    }

    private static FieldValue Element(FieldLayout field, int variant, int index, int thread) => field.Kind switch
    {
        FieldKind.String => FieldValue.String(string.Create(CultureInfo.InvariantCulture, $"t{thread}-v{variant}-{index}")),
        FieldKind.Float => FieldValue.Float(variant + index / 4.0),
        FieldKind.Array => FieldValue.Array([.. Enumerable.Range(0, field.Length).Select(n => Element(EventSerializer.ElementOf(field), variant, n, thread))]),
        _ => FieldValue.Unsigned((ulong)(variant * 10 + index + thread)),
    };
}
