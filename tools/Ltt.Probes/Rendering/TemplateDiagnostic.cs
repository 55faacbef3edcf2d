namespace Ltt.Probes.Rendering;

/// <summary>A template that did not compile or render: its name (<c>ltt-0.105/module.c.sbn</c>), 1-based line and column, and why.</summary>
public sealed record TemplateDiagnostic(string Template, int Line, int Column, string Message)
{
    public override string ToString() => $"{Template}:{Line}:{Column}: {Message}";
}
