namespace Ltt.Series.Kinds;

/// <summary>What one changed line of a file owned by others is, for <see cref="PatchClassifier"/>.</summary>
public enum LineKind
{
    /// <summary>Blank or a comment: says nothing about the kind.</summary>
    Neutral,

    /// <summary>A tracepoint, a trace call, a marker site, or an include they need.</summary>
    Instrumentation,

    /// <summary>Anything else: the patch changes infrastructure.</summary>
    Other,
}
