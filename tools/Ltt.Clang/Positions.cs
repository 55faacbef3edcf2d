using Ltt.Clang.Interop;

namespace Ltt.Clang;

/// <summary>Turns libclang source locations into <see cref="SourcePosition"/> values.</summary>
internal static unsafe class Positions
{
    public static SourcePosition Expansion(CXSourceLocation location)
    {
        nint file;
        uint line, column, offset;
        NativeMethods.clang_getExpansionLocation(location, &file, &line, &column, &offset);
        return Make(file, line, column, offset);
    }

    public static SourcePosition Spelling(CXSourceLocation location)
    {
        nint file;
        uint line, column, offset;
        NativeMethods.clang_getSpellingLocation(location, &file, &line, &column, &offset);
        return Make(file, line, column, offset);
    }

    private static SourcePosition Make(nint file, uint line, uint column, uint offset)
    {
        string name = file == 0 ? string.Empty : NativeMethods.Take(NativeMethods.clang_getFileName(file));
        return new SourcePosition(name, (int)line, (int)column, (int)offset);
    }
}
