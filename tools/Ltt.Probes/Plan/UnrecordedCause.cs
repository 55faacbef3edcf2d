namespace Ltt.Probes.Plan;

/// <summary>
/// Why a field is not recorded, by kind: what the summary of a generation counts, so that the
/// largest causes can be seen (and worked on) at a glance. Each has a <see cref="Unrecordable.Detail"/>
/// that tells its instances apart (the header, the local's name, the struct).
/// </summary>
public enum UnrecordedCause
{
    /// <summary>No TP_fast_assign statement sets the field and no argument or member has its name.</summary>
    NoSource,

    /// <summary>Set inside an <c>if</c>, <c>switch</c>, loop or block of TP_fast_assign.</summary>
    Conditional,

    /// <summary>The value reads a variable TP_fast_assign declares or sets itself.</summary>
    FastAssignLocal,

    /// <summary>Set by an <c>__assign_*</c> helper the planner does not read (<c>__assign_vstr</c>, <c>__assign_sockaddr</c>, ...).</summary>
    AssignHelper,

    /// <summary>A statement the planner cannot reproduce: not a plain assignment, part of the field, several fields, set twice.</summary>
    Statement,

    /// <summary>The value is computed from other entry fields.</summary>
    FromOtherFields,

    /// <summary>It reads a member of a struct the trace header does not define (or that has no such member).</summary>
    StructNotDefined,

    /// <summary>It uses a name the trace header alone does not declare (the instantiating .c file's), or one the header #undefs.</summary>
    UnseenName,

    /// <summary>TP_fast_assign copies a whole struct or union into the field.</summary>
    WholeStruct,

    /// <summary>The field's type, or the value's, has no marker format representation.</summary>
    Type,
}
