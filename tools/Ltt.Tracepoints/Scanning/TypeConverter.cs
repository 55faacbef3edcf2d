using Ltt.Clang;
using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Scanning;

/// <summary>
/// Turns libclang types into the shared <see cref="CType"/> model. A struct is expanded (its members
/// listed with offsets) only where asked: for a tracepoint argument, the pointee of a struct pointer,
/// so a probe can record <c>prev-&gt;pid</c>; members are never expanded further. Members of anonymous
/// structs and unions are lifted into their parent, as C lets code name them. One converter serves
/// one translation unit and caches what it built. A defined struct, union or enum records the file
/// of its definition, shown through <c>relative</c> (the scan's tree-relative paths).
/// </summary>
internal sealed class TypeConverter(Func<string, string> relative)
{
    private readonly Dictionary<(string Spelling, string Canonical, bool Expand), CType> _cache = [];

    /// <summary>A type with no struct expanded.</summary>
    public CType Shallow(ClangType type) => Convert(type, expand: false);

    /// <summary>A tracepoint argument: a struct, or the struct a pointer points to, is expanded one level.</summary>
    public CType Argument(ClangType type) => Convert(type, expand: true);

    private CType Convert(ClangType type, bool expand)
    {
        ClangType canonical = type.Canonical;
        var key = (type.Spelling, canonical.Spelling, expand);
        if (_cache.TryGetValue(key, out CType? cached))
            return cached;

        CTypeKind kind = KindOf(canonical);
        long size = Math.Max(canonical.SizeOf, 0);
        long align = Math.Max(canonical.AlignOf, 0);
        long? length = null;
        CType? element = null;
        IReadOnlyList<CField>? fields = null;
        switch (kind)
        {
            case CTypeKind.Pointer:
                element = Convert(canonical.Pointee, expand);
                break;
            case CTypeKind.Array:
                if (canonical.Kind == TypeKind.ConstantArray)
                    length = canonical.ArraySize;
                element = Convert(canonical.ArrayElement, expand: false);
                break;
            case CTypeKind.Struct or CTypeKind.Union when expand:
                fields = Fields(canonical, 0);
                break;
        }
        var result = new CType(type.Spelling, canonical.Spelling, kind, size, align, type.IsSigned, length, element, fields, DeclaredIn(canonical, kind));
        _cache[key] = result;
        return result;
    }

    /// <summary>Where a complete struct, union or enum is defined; null for other types and incomplete ones.</summary>
    private string? DeclaredIn(ClangType canonical, CTypeKind kind)
    {
        if (kind is not (CTypeKind.Struct or CTypeKind.Union or CTypeKind.Enum) || canonical.SizeOf < 0)
            return null;
        // The type's declaration may be a forward one (struct ext4_prealloc_space;): ask for the definition.
        Cursor definition = canonical.Declaration.Definition;
        if (definition.IsNull)
            return null;
        var at = definition.Location;
        return at.IsValid ? relative(at.File) : null;
    }

    private List<CField> Fields(ClangType record, long baseBits)
    {
        var fields = new List<CField>();
        foreach (Cursor field in record.Fields)
        {
            long bits = field.FieldOffsetBits;
            if (bits < 0)
                continue;
            ClangType fieldType = field.Type;
            string name = field.Spelling;
            if (fieldType.Canonical.Kind == TypeKind.Record && (name.Length == 0 || fieldType.Canonical.Declaration.IsAnonymous))
            {
                fields.AddRange(Fields(fieldType.Canonical, baseBits + bits));
                continue;
            }
            long total = baseBits + bits;
            CType converted = Convert(fieldType, expand: false);
            fields.Add(field.IsBitField
                ? new CField(name, converted, total / 8, total, field.BitWidth)
                : new CField(name, converted, total / 8));
        }
        return fields;
    }

    public static CTypeKind KindOf(ClangType canonical) => canonical.Kind switch
    {
        TypeKind.Void => CTypeKind.Void,
        TypeKind.Bool => CTypeKind.Bool,
        TypeKind.CharU or TypeKind.UChar or TypeKind.Char16 or TypeKind.Char32 or TypeKind.UShort or TypeKind.UInt
            or TypeKind.ULong or TypeKind.ULongLong or TypeKind.UInt128 or TypeKind.CharS or TypeKind.SChar
            or TypeKind.WChar or TypeKind.Short or TypeKind.Int or TypeKind.Long or TypeKind.LongLong
            or TypeKind.Int128 => CTypeKind.Integer,
        TypeKind.Enum => CTypeKind.Enum,
        TypeKind.Float or TypeKind.Double or TypeKind.LongDouble or TypeKind.Float128 or TypeKind.Half => CTypeKind.Float,
        TypeKind.Pointer => CTypeKind.Pointer,
        TypeKind.ConstantArray or TypeKind.IncompleteArray or TypeKind.VariableArray => CTypeKind.Array,
        TypeKind.Record => canonical.Declaration.Kind == CursorKind.UnionDecl ? CTypeKind.Union : CTypeKind.Struct,
        TypeKind.FunctionProto or TypeKind.FunctionNoProto => CTypeKind.Function,
        _ => CTypeKind.Other,
    };
}
