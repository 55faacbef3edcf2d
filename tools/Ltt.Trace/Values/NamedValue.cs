namespace Ltt.Trace.Values;

/// <summary>A field's name and value. Names are shown as trace readers show them (babeltrace2 drops a leading underscore).</summary>
public sealed record NamedValue(string Name, FieldValue Value)
{
    public override string ToString() => Name + " = " + Value;
}
