namespace Ltt.Series.Kinds;

/// <summary>A patch's kind and the reason for it, as the plan, the cover letters and <c>route --json</c> show them.</summary>
public sealed record KindVerdict(PatchKind Kind, string Reason)
{
    /// <summary>How people read the kind: "new code", "instrumentation", "infrastructure change".</summary>
    public string Name => NameOf(Kind);

    /// <summary>The short tag of the plan's patch lines: "new", "instr", "infra".</summary>
    public string Tag => TagOf(Kind);

    /// <summary>The value of <c>"kind"</c> in <c>route --json</c>: "new-code", "instrumentation", "infrastructure".</summary>
    public string JsonName => Kind switch
    {
        PatchKind.NewCode => "new-code",
        PatchKind.Instrumentation => "instrumentation",
        _ => "infrastructure",
    };

    public static string NameOf(PatchKind kind) => kind switch
    {
        PatchKind.NewCode => "new code",
        PatchKind.Instrumentation => "instrumentation",
        _ => "infrastructure change",
    };

    public static string TagOf(PatchKind kind) => kind switch
    {
        PatchKind.NewCode => "new",
        PatchKind.Instrumentation => "instr",
        _ => "infra",
    };
}
