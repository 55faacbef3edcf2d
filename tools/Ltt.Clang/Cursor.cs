using System.Runtime.InteropServices;
using Ltt.Clang.Interop;

namespace Ltt.Clang;

/// <summary>
/// A node of a parsed translation unit (declaration, attribute, preprocessing entity). It keeps
/// its translation unit alive; it must not be used after the unit is disposed.
/// </summary>
public readonly struct Cursor : IEquatable<Cursor>
{
    private readonly CXCursor _cursor;
    private readonly TranslationUnit _unit;

    internal Cursor(CXCursor cursor, TranslationUnit unit)
    {
        _cursor = cursor;
        _unit = unit;
    }

    public CursorKind Kind => (CursorKind)_cursor.Kind;

    public string Spelling => NativeMethods.Take(NativeMethods.clang_getCursorSpelling(_cursor));

    /// <summary>Where the cursor is, with macros resolved to the place they were expanded (the macro invocation).</summary>
    public SourcePosition Location => Positions.Expansion(NativeMethods.clang_getCursorLocation(_cursor));

    /// <summary>Where the cursor's text is spelled (inside a macro body or argument when it came from one).</summary>
    public SourcePosition SpellingLocation => Positions.Spelling(NativeMethods.clang_getCursorLocation(_cursor));

    public SourceSpan Extent
    {
        get
        {
            CXSourceRange range = NativeMethods.clang_getCursorExtent(_cursor);
            return new SourceSpan(
                Positions.Expansion(NativeMethods.clang_getRangeStart(range)),
                Positions.Expansion(NativeMethods.clang_getRangeEnd(range)));
        }
    }

    public ClangType Type => new(NativeMethods.clang_getCursorType(_cursor), _unit);

    public bool IsInvalidDeclaration => NativeMethods.clang_isInvalidDeclaration(_cursor) != 0;

    public bool IsBitField => NativeMethods.clang_Cursor_isBitField(_cursor) != 0;

    /// <summary>The declared width of a bit-field, or -1.</summary>
    public int BitWidth => NativeMethods.clang_getFieldDeclBitWidth(_cursor);

    public bool IsAnonymous => NativeMethods.clang_Cursor_isAnonymous(_cursor) != 0;

    /// <summary>The offset of a field in bits from the start of its record, or a negative value when it has none.</summary>
    /// <summary>For a macro definition: true when it takes arguments (<c>#define F(x) ...</c>).</summary>
    public bool IsMacroFunctionLike => NativeMethods.clang_Cursor_isMacroFunctionLike(_cursor) != 0;

    /// <summary>The tokens of the cursor's text (for a macro definition: its name, parameters and body), with their positions.</summary>
    public IReadOnlyList<Token> Tokens => _unit.Tokenize(NativeMethods.clang_getCursorExtent(_cursor));

    public long FieldOffsetBits => NativeMethods.clang_Cursor_getOffsetOfField(_cursor);

    /// <summary>The integer type an enum declaration is stored as.</summary>
    public ClangType EnumIntegerType => new(NativeMethods.clang_getEnumDeclIntegerType(_cursor), _unit);

    /// <summary>The value of an enumerator, sign-extended from its type's width (read it with <see cref="Type"/>'s signedness).</summary>
    public long EnumConstantValue => NativeMethods.clang_getEnumConstantDeclValue(_cursor);

    public Cursor Definition => new(NativeMethods.clang_getCursorDefinition(_cursor), _unit);

    public bool IsNull => _cursor.Kind is >= 70 and <= 73; // CXCursor_InvalidFile .. CXCursor_InvalidCode

    /// <summary>The parameters of a function declaration, in order.</summary>
    public IReadOnlyList<Cursor> Arguments
    {
        get
        {
            int n = NativeMethods.clang_Cursor_getNumArguments(_cursor);
            var result = new Cursor[Math.Max(n, 0)];
            for (int i = 0; i < result.Length; i++)
                result[i] = new Cursor(NativeMethods.clang_Cursor_getArgument(_cursor, (uint)i), _unit);
            return result;
        }
    }

    /// <summary>The direct children (for the translation unit: every top-level declaration and preprocessing entity).</summary>
    public IReadOnlyList<Cursor> Children
    {
        get
        {
            var collected = new List<CXCursor>();
            GCHandle handle = GCHandle.Alloc(collected);
            try
            {
                unsafe
                {
                    _ = NativeMethods.clang_visitChildren(_cursor, &Collect, GCHandle.ToIntPtr(handle));
                }
            }
            finally
            {
                handle.Free();
            }
            var result = new Cursor[collected.Count];
            for (int i = 0; i < result.Length; i++)
                result[i] = new Cursor(collected[i], _unit);
            return result;
        }
    }

    /// <summary>The strings of the <c>__attribute__((annotate("...")))</c> attributes on this declaration.</summary>
    public IEnumerable<string> Annotations =>
        Children.Where(c => c.Kind == CursorKind.AnnotateAttr).Select(c => c.Spelling);

    [UnmanagedCallersOnly]
    private static int Collect(CXCursor cursor, CXCursor parent, nint clientData)
    {
        var list = (List<CXCursor>)GCHandle.FromIntPtr(clientData).Target!;
        list.Add(cursor);
        return 1; // CXChildVisit_Continue
    }

    public bool Equals(Cursor other) =>
        _cursor.Kind == other._cursor.Kind && _cursor.Data0 == other._cursor.Data0 &&
        _cursor.Data1 == other._cursor.Data1 && _cursor.Data2 == other._cursor.Data2;

    public override bool Equals(object? obj) => obj is Cursor c && Equals(c);

    public override int GetHashCode() => HashCode.Combine(_cursor.Kind, _cursor.Data0, _cursor.Data1, _cursor.Data2);

    public static bool operator ==(Cursor left, Cursor right) => left.Equals(right);

    public static bool operator !=(Cursor left, Cursor right) => !left.Equals(right);

    public override string ToString() => $"{Kind} {Spelling}";
}
