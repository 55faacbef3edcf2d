using System.Diagnostics.CodeAnalysis;
using System.Text;
using Ltt.Clang.Interop;

namespace Ltt.Clang;

/// <summary>
/// The tokens of one C file read alone: lexed by libclang, never preprocessed, barely parsed.
/// libclang only tokenizes the files of a parsed unit, and a parse runs the file's directives (it
/// would follow an <c>#include</c>: a header of any tree may name <c>/dev/zero</c>; in libclang's
/// single-file mode it crashes on a broken <c>#if (X</c>) and its C parser has bugs that arbitrary
/// text reaches (a crash in Sema::containsUnexpandedParameterPacks, found by fuzzing). So the unit is
/// parsed from a copy of the bytes in which each character of every <c>#</c>, <c>##</c>, <c>%:</c>,
/// <c>%:%:</c>, bracket, <c>;</c> and <c>,</c> is an <c>@</c>: a character C lexes as a token of its
/// own that never joins its neighbours (a space would: a backslash before it would become a line
/// splice). The preprocessor sees no directive, the parser no statement, declaration list or nesting:
/// it stops at the first <c>@</c> and skips to the end. Every other token lies where it lay, and the
/// tokens come back with their spelling read from the real bytes, the <c>@</c>s of each mark as the one
/// punctuation token it is. One spelling no kernel source has splits differently: <c>&lt;%:</c>, read by
/// clang as the digraph <c>&lt;%</c> and <c>:</c>, is <c>&lt;</c> and <c>%:</c> here.
/// </summary>
public static class FileLexer
{
    private static readonly string[] Arguments = ["-x", "c", "-std=gnu11", "-w"];
    private const byte Stand = (byte)'@';

    /// <summary>
    /// Lexes <paramref name="source"/> (the bytes of the file at <paramref name="path"/>, which need not
    /// exist), comments included, in order. False only when libclang produced no unit at all.
    /// </summary>
    public static bool TryLex(ClangIndex index, string path, byte[] source, [NotNullWhen(true)] out IReadOnlyList<Token>? tokens,
        out ParseError error)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(source);
        byte[] hidden = HideDirectiveMarks(source, out List<(int Start, int End)> marks);
        if (!index.TryParse(path, Arguments, [new UnsavedFile(path, hidden)], ParseOptions.SingleFileParse, ParseThread.StackFor(source.Length),
                out TranslationUnit? unit, out error))
        {
            tokens = null;
            return false;
        }
        using (unit)
        {
            var ends = new List<int>();
            IReadOnlyList<Token> lexed = unit.Tokenize(path, ends);
            tokens = marks.Count == 0 ? lexed : Restore(source, lexed, ends, marks);
        }
        return true;
    }

    /// <summary>A copy of <paramref name="source"/> with each character of every mark (but its line splices) an <c>@</c>; <paramref name="marks"/> gets their extents.</summary>
    private static byte[] HideDirectiveMarks(byte[] source, out List<(int Start, int End)> marks)
    {
        byte[] hidden = (byte[])source.Clone();
        marks = [];
        for (int i = 0; i < hidden.Length; i++)
        {
            int length = MarkLength(source, i);
            if (length == 0)
                continue;
            for (int j = i; j < i + length; j++)
            {
                if (source[j] is not ((byte)'\\' or (byte)' ' or (byte)'\t' or (byte)'\v' or (byte)'\f' or (byte)'\r' or (byte)'\n'))
                    hidden[j] = Stand;
            }
            marks.Add((i, i + length));
            i += length - 1;
        }
        return hidden;
    }

    /// <summary>
    /// The tokens of the real bytes: the <c>@</c> tokens of a mark become the mark's one token (from
    /// the line splices clang put at its start), and a token holding marks (a comment, a literal) is
    /// spelled from the real bytes.
    /// </summary>
    private static List<Token> Restore(byte[] source, IReadOnlyList<Token> lexed, List<int> ends, List<(int Start, int End)> marks)
    {
        var result = new List<Token>(lexed.Count);
        int m = 0;
        for (int i = 0; i < lexed.Count; i++)
        {
            Token t = lexed[i];
            int start = t.Position.Offset, end = ends[i];
            while (m < marks.Count && marks[m].End <= start)
                m++; // in no token: clang dropped what held it (a comment left open)
            if (m >= marks.Count || marks[m].Start >= end)
            {
                result.Add(t);
                continue;
            }
            if (t.Kind == TokenKind.Punctuation && marks[m].Start == end - 1)
            {
                end = marks[m++].End;
                while (i + 1 < lexed.Count && lexed[i + 1].Position.Offset < end)
                    i++;
            }
            else
            {
                while (m < marks.Count && marks[m].Start < end)
                    m++;
            }
            result.Add(t with { Spelling = Encoding.UTF8.GetString(source, start, end - start) });
        }
        return result;
    }

    /// <summary>
    /// The length in bytes of the mark starting at <paramref name="i"/>: a bracket, <c>;</c> or <c>,</c>
    /// (always one character), or a <c>#</c>, <c>##</c>, <c>%:</c> or <c>%:%:</c> (line splices inside it
    /// included); 0 when none starts there.
    /// </summary>
    private static int MarkLength(byte[] source, int i)
    {
        if (source[i] is (byte)'(' or (byte)')' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)';' or (byte)',')
            return 1;
        int end;
        if (source[i] == '#')
            end = i + 1;
        else if (source[i] == '%' && At(source, SkipSplices(source, i + 1), ':') is int colon)
            end = colon + 1;
        else
            return 0;
        // A second mark right after makes the pasting operator.
        int next = SkipSplices(source, end);
        if (source[i] == '#' && At(source, next, '#') is int second)
            end = second + 1;
        else if (source[i] == '%' && At(source, next, '%') is int percent && At(source, SkipSplices(source, percent + 1), ':') is int last)
            end = last + 1;
        return end - i;
    }

    private static int? At(byte[] source, int i, char c) => i < source.Length && source[i] == c ? i : null;

    /// <summary>The offset after the line splices (a backslash, blanks, a line end) starting at <paramref name="i"/>.</summary>
    private static int SkipSplices(byte[] source, int i)
    {
        while (i < source.Length && source[i] == '\\')
        {
            int j = i + 1;
            while (j < source.Length && source[j] is (byte)' ' or (byte)'\t' or (byte)'\v' or (byte)'\f')
                j++;
            if (j < source.Length && source[j] == '\n')
                i = j + 1;
            else if (j < source.Length && source[j] == '\r')
                i = j + 1 < source.Length && source[j + 1] == '\n' ? j + 2 : j + 1;
            else
                break;
        }
        return i;
    }
}
