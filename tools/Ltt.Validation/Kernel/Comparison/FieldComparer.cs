using Ltt.Trace.Values;

namespace Ltt.Validation.Kernel.Comparison;

/// <summary>
/// Whether our value of a field is ftrace's: integers as our field holds them (a field we record
/// narrower keeps ftrace's low bits; one we record as wide or wider keeps its number), text and
/// sequences up to the recorder's caps (a value cut at the cap equals the longer original it starts).
/// </summary>
internal static class FieldComparer
{
    public static bool Equal(FieldPlan plan, FieldValue ours, FieldValue ftrace, ComparisonOptions options) => plan.Mode switch
    {
        CompareMode.Integer => Integer(ours, ftrace, plan.Ours.Size, plan.Ftrace.Size),
        CompareMode.Text => Text(ours, ftrace, options.StringCapBytes - 1),
        _ => List(ours, ftrace, plan),
    };

    private static bool Integer(FieldValue ours, FieldValue ftrace, int ourSize, int ftraceSize)
    {
        if (ours.Kind != ValueKind.Integer || ftrace.Kind != ValueKind.Integer)
            return false;
        if (ourSize > ftraceSize)
            return ours.Integer == ftrace.Integer;
        ulong mask = ourSize >= 8 ? ulong.MaxValue : (1UL << (8 * ourSize)) - 1;
        return (ours.Bits & mask) == (ftrace.Bits & mask);
    }

    private static bool Text(FieldValue ours, FieldValue ftrace, int cap)
    {
        if (ours.Kind != ValueKind.Text || ftrace.Kind != ValueKind.Text)
            return false;
        ReadOnlySpan<byte> a = ours.Utf8, b = ftrace.Utf8;
        return a.SequenceEqual(b) || (a.Length == cap && b.Length > cap && b.StartsWith(a));
    }

    private static bool List(FieldValue ours, FieldValue ftrace, FieldPlan plan)
    {
        if (ours.Kind != ValueKind.List || ftrace.Kind != ValueKind.List)
            return false;
        FieldValue[] a = ours.Elements!, b = ftrace.Elements!;
        bool cut = plan.CapElements > 0 && a.Length == plan.CapElements && b.Length > plan.CapElements;
        if (a.Length != b.Length && !cut)
            return false;
        int ourSize = plan.Ours.Element?.Size ?? plan.Ours.Size;
        int ftraceSize = plan.FtraceAsBytes ? 1 : plan.Ftrace.ElementSize;
        for (int i = 0; i < a.Length; i++)
        {
            if (!Integer(a[i], b[i], ourSize, ftraceSize))
                return false;
        }
        return true;
    }
}
