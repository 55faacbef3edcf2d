namespace Ltt.Validation.Kernel.Comparison;

/// <summary>How our record and ftrace's disagree about one hit.</summary>
public enum MismatchKind
{
    /// <summary>Same hit, a field differs.</summary>
    Field,

    /// <summary>ftrace has a hit our trace lacks.</summary>
    MissingInOurs,

    /// <summary>Our trace has a hit ftrace lacks.</summary>
    MissingInFtrace,

    /// <summary>Different tracepoints at the same place of both sequences.</summary>
    DifferentEvent,

    /// <summary>Hits in another order, not explained by one nested between the two probes of another.</summary>
    Reordered,

    /// <summary>Same hit, timestamps further apart than the bound.</summary>
    TimestampBound,

    /// <summary>A timestamp smaller than the previous one of the same CPU on the same side.</summary>
    TimestampBackwards,
}
