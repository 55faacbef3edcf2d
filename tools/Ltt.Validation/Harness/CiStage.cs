namespace Ltt.Validation.Harness;

/// <summary>The stages of the CI run a disagreement can come from, in the order they run.</summary>
public enum CiStage
{
    /// <summary>The gcc-built harness recorded something other than what it passed in.</summary>
    Harness,

    /// <summary>The runtime could not take a harness payload back.</summary>
    Replay,

    /// <summary>The replayed trace failed validation.</summary>
    Validate,

    /// <summary>A value read back from the trace differs from what the harness passed in.</summary>
    Values,

    /// <summary>babeltrace2 reads the trace differently from ltt-trace.</summary>
    Babeltrace2,
}
