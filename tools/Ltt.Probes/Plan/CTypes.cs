using Ltt.Tracepoints.Markers;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>Small questions about resolved C types that the planner, the renderer and the harness share.</summary>
internal static class CTypes
{
    /// <summary>The canonical spelling without <c>const</c>/<c>volatile</c>.</summary>
    public static string Unqualified(string spelling)
    {
        var words = spelling.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("const" or "volatile" or "restrict" or "__restrict"));
        return string.Join(' ', words);
    }

    public static bool IsCharLike(CType type) =>
        type.Kind == CTypeKind.Integer && type.Size == 1 && Unqualified(type.Canonical) is "char" or "signed char" or "unsigned char";

    /// <summary>Plain <c>char</c>: a TP_STRUCT__entry array of it is a string; <c>__u8</c>/<c>unsigned char</c> arrays are bytes.</summary>
    public static bool IsPlainChar(CType type) =>
        type.Kind == CTypeKind.Integer && type.Size == 1 && Unqualified(type.Canonical) == "char";

    public static bool IsIntegerLike(CType type) => type.Kind is CTypeKind.Integer or CTypeKind.Enum or CTypeKind.Bool;

    /// <summary>The pointee struct of a pointer, or null.</summary>
    public static CType? PointeeStruct(CType type) =>
        type.Kind == CTypeKind.Pointer && type.Element is { Kind: CTypeKind.Struct or CTypeKind.Union } element ? element : null;

    /// <summary>The struct's tag: <c>task_struct</c> for <c>struct task_struct</c>.</summary>
    public static string StructTag(CType type)
    {
        string name = Unqualified(type.Canonical);
        foreach (string prefix in (string[])["struct ", "union "])
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
                return name[prefix.Length..];
        }
        return name;
    }

    public static bool IsStringSource(CType type) =>
        type.Kind == CTypeKind.Pointer && type.Element is { } e && IsCharLike(e) ||
        type.Kind == CTypeKind.Array && type.Element is { } a && IsCharLike(a);

    /// <summary>
    /// The printf conversion of a C value, the way a marker format writes it: <c>d</c>, <c>lu</c>,
    /// <c>hhu</c>, <c>p</c>, <c>s</c>. Null for types a marker cannot carry (floats, 128-bit integers).
    /// </summary>
    public static string? Conversion(CType type, ProbeValueKind kind, TargetAbi abi)
    {
        if (kind == ProbeValueKind.String)
            return "s";
        if (kind == ProbeValueKind.Pointer)
            return "p";
        if (!IsIntegerLike(type))
            return null;
        char letter = type.IsSigned ? 'd' : 'u';
        string canonical = Unqualified(type.Canonical);
        bool isLong = canonical is "long" or "unsigned long" or "long int" or "unsigned long int" or "signed long";
        return type.Size switch
        {
            1 => "hh" + letter,
            2 => "h" + letter,
            4 when isLong && abi.LongSize == 4 => "l" + letter,
            4 => letter.ToString(),
            8 when isLong && abi.LongSize == 8 => "l" + letter,
            8 => "ll" + letter,
            _ => null,
        };
    }
}
