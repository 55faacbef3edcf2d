namespace Ltt.Tracepoints.Model;

/// <summary>The shape of a resolved C type, after typedefs are looked through.</summary>
public enum CTypeKind
{
    Void,
    Bool,
    Integer,
    Enum,
    Float,
    Pointer,
    Array,
    Struct,
    Union,
    Function,
    Other,
}
