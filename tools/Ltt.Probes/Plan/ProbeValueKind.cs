namespace Ltt.Probes.Plan;

/// <summary>How a recorded value is serialized.</summary>
public enum ProbeValueKind
{
    /// <summary>An integer, enum or bool, written with its recorded size and signedness.</summary>
    Integer,

    /// <summary>A pointer value, written as an unsigned integer of the pointer's size.</summary>
    Pointer,

    /// <summary>A NUL-terminated string, from a <c>char *</c> or a <c>char[N]</c>.</summary>
    String,
}
