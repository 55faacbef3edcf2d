using System.Runtime.InteropServices;
using Ltt.Clang.Interop;

namespace Ltt.Clang;

/// <summary>A C type of a parsed translation unit, with the sizes and layouts the target ABI gives it.</summary>
public readonly struct ClangType
{
    private readonly CXType _type;
    private readonly TranslationUnit _unit;

    internal ClangType(CXType type, TranslationUnit unit)
    {
        _type = type;
        _unit = unit;
    }

    public TypeKind Kind => (TypeKind)_type.Kind;

    public string Spelling => NativeMethods.Take(NativeMethods.clang_getTypeSpelling(_type));

    /// <summary>The type with typedefs, elaboration and attributes looked through.</summary>
    public ClangType Canonical => new(NativeMethods.clang_getCanonicalType(_type), _unit);

    public ClangType Pointee => new(NativeMethods.clang_getPointeeType(_type), _unit);

    public ClangType ArrayElement => new(NativeMethods.clang_getArrayElementType(_type), _unit);

    /// <summary>The element count of a constant array, or -1.</summary>
    public long ArraySize => NativeMethods.clang_getArraySize(_type);

    /// <summary>Size in bytes, or a negative <c>CXTypeLayoutError</c> for incomplete, dependent or invalid types.</summary>
    public long SizeOf => NativeMethods.clang_Type_getSizeOf(_type);

    /// <summary>Alignment in bytes, or a negative <c>CXTypeLayoutError</c>.</summary>
    public long AlignOf => NativeMethods.clang_Type_getAlignOf(_type);

    public bool IsConstQualified => NativeMethods.clang_isConstQualifiedType(_type) != 0;

    public Cursor Declaration => new(NativeMethods.clang_getTypeDeclaration(_type), _unit);

    /// <summary>True for the signed integer kinds, and for enums stored as a signed integer.</summary>
    public bool IsSigned
    {
        get
        {
            ClangType canonical = Canonical;
            return canonical.Kind switch
            {
                TypeKind.CharS or TypeKind.SChar or TypeKind.WChar or TypeKind.Short or TypeKind.Int
                    or TypeKind.Long or TypeKind.LongLong or TypeKind.Int128 => true,
                TypeKind.Enum => canonical.Declaration.EnumIntegerType.IsSigned,
                _ => false,
            };
        }
    }

    /// <summary>The offset of a named field in bits, or a negative <c>CXTypeLayoutError</c>.</summary>
    public unsafe long OffsetOf(string field)
    {
        byte[] name = System.Text.Encoding.UTF8.GetBytes(field + "\0");
        fixed (byte* p = name)
            return NativeMethods.clang_Type_getOffsetOf(_type, p);
    }

    /// <summary>The fields of a record type in declaration order (anonymous members included, with an empty name).</summary>
    public IReadOnlyList<Cursor> Fields
    {
        get
        {
            var collected = new List<CXCursor>();
            GCHandle handle = GCHandle.Alloc(collected);
            try
            {
                unsafe
                {
                    _ = NativeMethods.clang_Type_visitFields(_type, &Collect, GCHandle.ToIntPtr(handle));
                }
            }
            finally
            {
                handle.Free();
            }
            TranslationUnit unit = _unit;
            return collected.Select(c => new Cursor(c, unit)).ToArray();
        }
    }

    [UnmanagedCallersOnly]
    private static int Collect(CXCursor cursor, nint clientData)
    {
        ((List<CXCursor>)GCHandle.FromIntPtr(clientData).Target!).Add(cursor);
        return 1; // CXVisit_Continue
    }

    public override string ToString() => Spelling;
}
