using System.Runtime.InteropServices;

namespace Ltt.Clang.Interop;

/// <summary>The libclang entry points this binding uses, declared from clang-c/Index.h.</summary>
internal static unsafe partial class NativeMethods
{
    private const string Library = "libclang";

    [LibraryImport(Library)] public static partial nint clang_createIndex(int excludeDeclarationsFromPch, int displayDiagnostics);
    [LibraryImport(Library)] public static partial void clang_disposeIndex(nint index);

    [LibraryImport(Library)]
    public static partial int clang_parseTranslationUnit2(nint index, byte* sourceFilename, byte** commandLineArgs, int numArgs,
        CXUnsavedFile* unsavedFiles, uint numUnsavedFiles, uint options, nint* translationUnit);

    [LibraryImport(Library)] public static partial void clang_disposeTranslationUnit(nint tu);
    [LibraryImport(Library)] public static partial int clang_saveTranslationUnit(nint tu, byte* fileName, uint options);
    [LibraryImport(Library)] public static partial CXCursor clang_getTranslationUnitCursor(nint tu);

    [LibraryImport(Library)] public static partial void clang_disposeString(CXString s);
    [LibraryImport(Library)] public static partial byte* clang_getCString(CXString s);

    [LibraryImport(Library)] public static partial uint clang_getNumDiagnostics(nint tu);
    [LibraryImport(Library)] public static partial nint clang_getDiagnostic(nint tu, uint index);
    [LibraryImport(Library)] public static partial void clang_disposeDiagnostic(nint diagnostic);
    [LibraryImport(Library)] public static partial int clang_getDiagnosticSeverity(nint diagnostic);
    [LibraryImport(Library)] public static partial CXSourceLocation clang_getDiagnosticLocation(nint diagnostic);
    [LibraryImport(Library)] public static partial CXString clang_getDiagnosticSpelling(nint diagnostic);

    [LibraryImport(Library)]
    public static partial uint clang_visitChildren(CXCursor parent, delegate* unmanaged<CXCursor, CXCursor, nint, int> visitor, nint clientData);

    [LibraryImport(Library)] public static partial int clang_getCursorKind(CXCursor cursor);
    [LibraryImport(Library)] public static partial CXString clang_getCursorSpelling(CXCursor cursor);
    [LibraryImport(Library)] public static partial CXSourceLocation clang_getCursorLocation(CXCursor cursor);
    [LibraryImport(Library)] public static partial CXSourceRange clang_getCursorExtent(CXCursor cursor);
    [LibraryImport(Library)] public static partial CXType clang_getCursorType(CXCursor cursor);
    [LibraryImport(Library)] public static partial CXCursor clang_getCursorDefinition(CXCursor cursor);
    [LibraryImport(Library)] public static partial uint clang_isInvalidDeclaration(CXCursor cursor);
    [LibraryImport(Library)] public static partial uint clang_Cursor_isBitField(CXCursor cursor);
    [LibraryImport(Library)] public static partial int clang_getFieldDeclBitWidth(CXCursor cursor);
    [LibraryImport(Library)] public static partial long clang_Cursor_getOffsetOfField(CXCursor cursor);
    [LibraryImport(Library)] public static partial int clang_Cursor_getNumArguments(CXCursor cursor);
    [LibraryImport(Library)] public static partial CXCursor clang_Cursor_getArgument(CXCursor cursor, uint index);
    [LibraryImport(Library)] public static partial CXType clang_getEnumDeclIntegerType(CXCursor cursor);
    [LibraryImport(Library)] public static partial long clang_getEnumConstantDeclValue(CXCursor cursor);
    [LibraryImport(Library)] public static partial uint clang_Cursor_isAnonymous(CXCursor cursor);
    [LibraryImport(Library)] public static partial uint clang_Cursor_isMacroFunctionLike(CXCursor cursor);

    [LibraryImport(Library)] public static partial CXString clang_getTypeSpelling(CXType type);
    [LibraryImport(Library)] public static partial CXType clang_getCanonicalType(CXType type);
    [LibraryImport(Library)] public static partial CXType clang_getPointeeType(CXType type);
    [LibraryImport(Library)] public static partial CXType clang_getResultType(CXType type);
    [LibraryImport(Library)] public static partial uint clang_isFunctionTypeVariadic(CXType type);
    [LibraryImport(Library)] public static partial CXType clang_getArrayElementType(CXType type);
    [LibraryImport(Library)] public static partial long clang_getArraySize(CXType type);
    [LibraryImport(Library)] public static partial long clang_Type_getSizeOf(CXType type);
    [LibraryImport(Library)] public static partial long clang_Type_getAlignOf(CXType type);
    [LibraryImport(Library)] public static partial long clang_Type_getOffsetOf(CXType type, byte* field);
    [LibraryImport(Library)] public static partial CXCursor clang_getTypeDeclaration(CXType type);
    [LibraryImport(Library)] public static partial uint clang_isConstQualifiedType(CXType type);

    [LibraryImport(Library)]
    public static partial uint clang_Type_visitFields(CXType type, delegate* unmanaged<CXCursor, nint, int> visitor, nint clientData);

    [LibraryImport(Library)] public static partial void clang_getExpansionLocation(CXSourceLocation location, nint* file, uint* line, uint* column, uint* offset);
    [LibraryImport(Library)] public static partial void clang_getSpellingLocation(CXSourceLocation location, nint* file, uint* line, uint* column, uint* offset);
    [LibraryImport(Library)] public static partial CXSourceLocation clang_getRangeStart(CXSourceRange range);
    [LibraryImport(Library)] public static partial CXSourceLocation clang_getRangeEnd(CXSourceRange range);
    [LibraryImport(Library)] public static partial CXSourceRange clang_getRange(CXSourceLocation begin, CXSourceLocation end);
    [LibraryImport(Library)] public static partial CXSourceLocation clang_getLocationForOffset(nint tu, nint file, uint offset);
    [LibraryImport(Library)] public static partial CXString clang_getFileName(nint file);
    [LibraryImport(Library)] public static partial nint clang_getFile(nint tu, byte* fileName);
    [LibraryImport(Library)] public static partial byte* clang_getFileContents(nint tu, nint file, nuint* size);
    [LibraryImport(Library)] public static partial CXSourceRangeList* clang_getSkippedRanges(nint tu, nint file);
    [LibraryImport(Library)] public static partial void clang_disposeSourceRangeList(CXSourceRangeList* ranges);

    [LibraryImport(Library)] public static partial void clang_tokenize(nint tu, CXSourceRange range, CXToken** tokens, uint* numTokens);
    [LibraryImport(Library)] public static partial void clang_disposeTokens(nint tu, CXToken* tokens, uint numTokens);
    [LibraryImport(Library)] public static partial int clang_getTokenKind(CXToken token);
    [LibraryImport(Library)] public static partial CXString clang_getTokenSpelling(nint tu, CXToken token);
    [LibraryImport(Library)] public static partial CXSourceLocation clang_getTokenLocation(nint tu, CXToken token);
    [LibraryImport(Library)] public static partial CXSourceRange clang_getTokenExtent(nint tu, CXToken token);

    /// <summary>Copies a libclang string into a managed one and disposes the native one.</summary>
    public static string Take(CXString s)
    {
        try
        {
            byte* p = clang_getCString(s);
            return p == null ? string.Empty : Marshal.PtrToStringUTF8((nint)p) ?? string.Empty;
        }
        finally
        {
            clang_disposeString(s);
        }
    }
}
