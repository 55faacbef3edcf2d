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

    /// <summary>A fixed array of integers (a non-char <c>__array</c>), each element with its own size.</summary>
    Array,

    /// <summary>A 32-bit element count then that many integers (<c>__dynamic_array</c>, <c>__bitmask</c>).</summary>
    Sequence,
}
