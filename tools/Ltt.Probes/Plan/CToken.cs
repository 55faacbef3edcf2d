namespace Ltt.Probes.Plan;

/// <summary>One token of a C fragment: its text and its character offset in the fragment.</summary>
internal readonly record struct CToken(string Text, int Offset, bool IsIdentifier)
{
    public bool Is(string text) => Text == text;

    public override string ToString() => Text;
}
