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

    /// <summary>
    /// An <c>if</c> statement (with <c>else if</c>, <c>else</c>) whose branches only assign fields
    /// (<c>__entry-&gt;f = EXPR;</c>) and whose conditions read no field: <see cref="FieldSource.Expression"/>
    /// is the statement, rewritten one assignment per line; every field it sets is in <see cref="FieldSource.Group"/>.
    /// </summary>
    Branches,
}
