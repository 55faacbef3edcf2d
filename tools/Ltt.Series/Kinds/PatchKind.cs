namespace Ltt.Series.Kinds;

/// <summary>
/// The three ways reviewers read a patch (the LTTng 0.105 thread sorted them so): code nobody
/// else owns, tracepoints added to other people's code, and changes to other people's
/// infrastructure that its maintainers must accept. <see cref="PatchClassifier"/> decides it
/// from the diff alone.
/// </summary>
public enum PatchKind
{
    /// <summary>Only adds files, or only changes files the patchset itself created.</summary>
    NewCode,

    /// <summary>Only adds tracepoint definitions, trace calls, trace headers, marker sites and their includes in files owned by others.</summary>
    Instrumentation,

    /// <summary>Anything else in files the patchset did not create.</summary>
    Infrastructure,
}
