using System.Text;
using Ltt.Clang.Interop;

namespace Ltt.Clang;

/// <summary>A parsed C file: its declarations, its diagnostics, and the tokens of any file it read.</summary>
public sealed unsafe class TranslationUnit : IDisposable
{
    private nint _handle;
    private IReadOnlyList<ClangDiagnostic>? _diagnostics;

    internal TranslationUnit(nint handle, string path)
    {
        _handle = handle;
        Path = path;
    }

    /// <summary>The main file's path as given to the parser.</summary>
    public string Path { get; }

    public Cursor Cursor => new(NativeMethods.clang_getTranslationUnitCursor(Handle), this);

    public IReadOnlyList<ClangDiagnostic> Diagnostics => _diagnostics ??= ReadDiagnostics();

    internal nint Handle => _handle != 0 ? _handle : throw new ObjectDisposedException(nameof(TranslationUnit));

    /// <summary>Writes the unit as a precompiled header usable with <c>-include-pch</c>; false when libclang refuses.</summary>
    public bool SaveAsPch(string path)
    {
        byte[] name = Encoding.UTF8.GetBytes(path + "\0");
        nint handle = Handle;
        // Writing walks the whole AST: on the parse's stack, for the same reason.
        return ParseThread.Run(() =>
        {
            fixed (byte* p = name)
                return NativeMethods.clang_saveTranslationUnit(handle, p, 0) == 0;
        });
    }

    /// <summary>The bytes of a file as this unit read it (null when the unit never read it).</summary>
    public string? FileText(string file)
    {
        nint f = GetFile(file);
        if (f == 0)
            return null;
        nuint size;
        byte* data = NativeMethods.clang_getFileContents(Handle, f, &size);
        return data == null ? null : Encoding.UTF8.GetString(data, checked((int)size));
    }

    /// <summary>Every token of a file this unit read, directives and inactive branches included, in order.</summary>
    public IReadOnlyList<Token> Tokenize(string file) => Tokenize(file, null);

    /// <summary>As <see cref="Tokenize(string)"/>; <paramref name="ends"/>, when given, gets each token's end offset (its extent in the file's bytes).</summary>
    internal IReadOnlyList<Token> Tokenize(string file, List<int>? ends)
    {
        nint f = GetFile(file);
        if (f == 0)
            return [];
        nuint size;
        if (NativeMethods.clang_getFileContents(Handle, f, &size) == null)
            return [];
        CXSourceRange range = NativeMethods.clang_getRange(
            NativeMethods.clang_getLocationForOffset(Handle, f, 0),
            NativeMethods.clang_getLocationForOffset(Handle, f, (uint)size));
        return Tokenize(range, file, ends);
    }

    /// <summary>The tokens of a range of this unit (a cursor's extent), positions in the file they are spelled in.</summary>
    internal IReadOnlyList<Token> Tokenize(CXSourceRange range, string? file = null, List<int>? ends = null)
    {
        CXToken* tokens;
        uint count;
        NativeMethods.clang_tokenize(Handle, range, &tokens, &count);
        try
        {
            var result = new Token[count];
            for (uint i = 0; i < count; i++)
            {
                CXToken t = tokens[i];
                nint tokenFile;
                uint line, column, offset;
                NativeMethods.clang_getSpellingLocation(NativeMethods.clang_getTokenLocation(Handle, t), &tokenFile, &line, &column, &offset);
                file ??= tokenFile == 0 ? string.Empty : NativeMethods.Take(NativeMethods.clang_getFileName(tokenFile));
                result[i] = new Token(
                    (TokenKind)NativeMethods.clang_getTokenKind(t),
                    NativeMethods.Take(NativeMethods.clang_getTokenSpelling(Handle, t)),
                    new SourcePosition(file, (int)line, (int)column, (int)offset));
                if (ends is not null)
                {
                    NativeMethods.clang_getSpellingLocation(NativeMethods.clang_getRangeEnd(NativeMethods.clang_getTokenExtent(Handle, t)),
                        &tokenFile, &line, &column, &offset);
                    ends.Add((int)offset);
                }
            }
            return result;
        }
        finally
        {
            if (tokens != null)
                NativeMethods.clang_disposeTokens(Handle, tokens, count);
        }
    }

    /// <summary>The ranges of a file the preprocessor skipped (inactive <c>#if</c> branches); needs the detailed preprocessing record.</summary>
    public IReadOnlyList<SourceSpan> SkippedRanges(string file)
    {
        nint f = GetFile(file);
        if (f == 0)
            return [];
        CXSourceRangeList* list = NativeMethods.clang_getSkippedRanges(Handle, f);
        if (list == null)
            return [];
        try
        {
            var result = new SourceSpan[list->Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = new SourceSpan(
                    Positions.Spelling(NativeMethods.clang_getRangeStart(list->Ranges[i])),
                    Positions.Spelling(NativeMethods.clang_getRangeEnd(list->Ranges[i])));
            }
            return result;
        }
        finally
        {
            NativeMethods.clang_disposeSourceRangeList(list);
        }
    }

    private nint GetFile(string file)
    {
        byte[] name = Encoding.UTF8.GetBytes(file + "\0");
        fixed (byte* p = name)
            return NativeMethods.clang_getFile(Handle, p);
    }

    private IReadOnlyList<ClangDiagnostic> ReadDiagnostics()
    {
        uint n = NativeMethods.clang_getNumDiagnostics(Handle);
        var result = new List<ClangDiagnostic>((int)n);
        for (uint i = 0; i < n; i++)
        {
            nint d = NativeMethods.clang_getDiagnostic(Handle, i);
            try
            {
                result.Add(new ClangDiagnostic(
                    (ClangSeverity)NativeMethods.clang_getDiagnosticSeverity(d),
                    Positions.Expansion(NativeMethods.clang_getDiagnosticLocation(d)),
                    NativeMethods.Take(NativeMethods.clang_getDiagnosticSpelling(d))));
            }
            finally
            {
                NativeMethods.clang_disposeDiagnostic(d);
            }
        }
        return result;
    }

    public void Dispose()
    {
        nint handle = Interlocked.Exchange(ref _handle, 0);
        if (handle != 0)
            NativeMethods.clang_disposeTranslationUnit(handle);
    }
}
