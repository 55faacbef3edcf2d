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

    /// <summary>For a function type, the type it returns.</summary>
    public ClangType Result => new(NativeMethods.clang_getResultType(_type), _unit);

    /// <summary>For a function type, whether it takes a variable argument list (<c>...</c>).</summary>
    public bool IsVariadic => NativeMethods.clang_isFunctionTypeVariadic(_type) != 0;

    public ClangType ArrayElement => new(NativeMethods.clang_getArrayElementType(_type), _unit);

    /// <summary>The element count of a constant array, or -1.</summary>
    public long ArraySize => NativeMethods.clang_getArraySize(_type);

    /// <summary>Size in bytes, or a negative <c>CXTypeLayoutError</c> for incomplete, dependent or invalid types.</summary>
    public long SizeOf => NativeMethods.clang_Type_getSizeOf(_type);

    /// <summary>Alignment in bytes, or a negative <c>CXTypeLayoutError</c>.</summary>
    public long AlignOf => NativeMethods.clang_Type_getAlignOf(_type);

    public bool IsConstQualified => NativeMethods.clang_isConstQualifiedType(_type) != 0;

    public Cursor Declaration => new(NativeMethods.clang_getTypeDeclaration(_type), _unit);

    /// <summary>
    /// True for the signed integer kinds, and for enums GCC makes signed: the kernel is built with GCC, so an
    /// enum is signed when one of its enumerators is negative, or, with a fixed underlying type, when that
    /// type is.
    /// </summary>
    public bool IsSigned
    {
        get
        {
            ClangType canonical = Canonical;
            return canonical.Kind switch
            {
                TypeKind.CharS or TypeKind.SChar or TypeKind.WChar or TypeKind.Short or TypeKind.Int
                    or TypeKind.Long or TypeKind.LongLong or TypeKind.Int128 => true,
                TypeKind.Enum => IsSignedEnum(canonical.Declaration),
                _ => false,
            };
        }
    }

    /// <summary>
    /// Clang and GCC agree on an enum's signedness except under <c>__attribute__((mode(...)))</c>: clang then
    /// takes the mode's signed type (afs.h's <c>__mode(byte)</c> enums become <c>signed char</c>), GCC keeps the
    /// enum unsigned unless an enumerator is negative. A fixed underlying type (<c>enum e : T</c>) decides alone.
    /// </summary>
    private static bool IsSignedEnum(Cursor declaration)
    {
        bool stored = declaration.EnumIntegerType.IsSigned;
        bool negative = declaration.Children.Any(c => c.Kind == CursorKind.EnumConstantDecl && c.EnumConstantValue < 0 && c.Type.IsSigned);
        return stored == negative || HasFixedUnderlyingType(declaration) ? stored : negative;
    }

    /// <summary>True for <c>enum name : type { ... }</c>: a colon before the enumerator list.</summary>
    private static bool HasFixedUnderlyingType(Cursor declaration) =>
        declaration.Tokens.TakeWhile(t => !t.Is("{")).Any(t => t.Is(":"));

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
