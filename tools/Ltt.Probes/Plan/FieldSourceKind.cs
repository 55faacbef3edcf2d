namespace Ltt.Probes.Plan;

/// <summary>How a TP_fast_assign statement sets a TP_STRUCT__entry field.</summary>
public enum FieldSourceKind
{
    /// <summary><c>__entry-&gt;f = EXPR;</c></summary>
    Value,

    /// <summary>
    /// A string: <c>__assign_str(f[, EXPR])</c>, or <c>strncpy</c>/<c>strscpy</c>/<c>strlcpy</c>/<c>strcpy</c>/<c>memcpy</c>
    /// of EXPR into a char array.
    /// </summary>
    String,

    /// <summary>A statement that fills an array field: <c>memcpy(__entry-&gt;f, EXPR, N)</c>, <c>memset</c>, <c>fill(__entry-&gt;f, ...)</c>.</summary>
    Fill,

    /// <summary><c>memcpy(__get_dynamic_array(f), EXPR, N)</c></summary>
    DynamicArray,

    /// <summary><c>__assign_bitmask(f, EXPR, NBITS)</c></summary>
    Bitmask,
}
