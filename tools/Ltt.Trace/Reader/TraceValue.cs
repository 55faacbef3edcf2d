using System.Globalization;

namespace Ltt.Trace.Reader;

/// <summary>
/// A decoded value, for callers that compare values (the CI run, tests) rather than stream
/// them: an integer (enumerations too), a float, a string, a list of elements (arrays,
/// sequences) or of members (structures, the selected variant option).
/// </summary>
public sealed record TraceValue(TraceValueKind Kind, Int128 Integer = default, double Real = 0, string? Text = null,
    IReadOnlyList<TraceValue>? Elements = null, IReadOnlyList<TraceField>? Members = null)
{
    public override string ToString() => Kind switch
    {
        TraceValueKind.Integer => Integer.ToString(CultureInfo.InvariantCulture),
        TraceValueKind.Real => Real.ToString("R", CultureInfo.InvariantCulture),
        TraceValueKind.Text => "\"" + Text + "\"",
        TraceValueKind.List => "[" + string.Join(", ", Elements!) + "]",
        _ => "{" + string.Join(", ", Members!.Select(m => m.Name + " = " + m.Value)) + "}",
    };
}

/// <summary>What a <see cref="TraceValue"/> holds.</summary>
public enum TraceValueKind
{
    Integer,
    Real,
    Text,
    List,
    Structure,
}

/// <summary>A named decoded value; the name as babeltrace2 shows it (leading underscore removed).</summary>
public sealed record TraceField(string Name, TraceValue Value);
