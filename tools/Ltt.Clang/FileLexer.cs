using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Ltt.Clang;

/// <summary>
/// The tokens of one C file read alone: lexed by libclang, never preprocessed. libclang only tokenizes
/// the files of a parsed unit, and a parse runs the file's directives: it would follow an
/// <c>#include</c> (a header of any tree may name <c>/dev/zero</c>), and in libclang's single-file mode
/// it crashes on some broken <c>#if</c> lines (<c>#if (X</c>: clang 22 reads past the directive's end).
/// So the unit is parsed from a copy of the bytes in which every <c>#</c> and <c>%:</c> outside a token
/// is a space: the preprocessor sees no directive at all, and every other token lies where it lay. The
/// tokens come back with their spelling read from the real bytes, and each hidden <c>#</c> as the
/// punctuation token it is. One spelling no kernel source has splits differently: <c>&lt;%:</c>, read by
/// clang as the digraph <c>&lt;%</c> and <c>:</c>, is <c>&lt;</c> and <c>%:</c> here.
/// </summary>
public static class FileLexer
{
    private static readonly string[] Arguments = ["-x", "c", "-std=gnu11", "-w"];

    /// <summary>
    /// Lexes <paramref name="source"/> (the bytes of the file at <paramref name="path"/>, which need not
    /// exist), comments included, in order. False only when libclang produced no unit at all.
    /// </summary>
    public static bool TryLex(ClangIndex index, string path, byte[] source, [NotNullWhen(true)] out IReadOnlyList<Token>? tokens,
        out ParseError error)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(source);
        byte[] hidden = HideDirectiveMarks(source, out int hiddenCount);
        if (!index.TryParse(path, Arguments, [new UnsavedFile(path, hidden)], ParseOptions.SingleFileParse, out TranslationUnit? unit,
                out error))
        {
            tokens = null;
            return false;
        }
        using (unit)
        {
            var ends = new List<int>();
            IReadOnlyList<Token> lexed = unit.Tokenize(path, ends);
            tokens = hiddenCount == 0 ? lexed : Restore(source, hidden, lexed, ends, path);
        }
        return true;
    }

    /// <summary>A copy of <paramref name="source"/> with the characters of every <c>#</c>, <c>##</c>, <c>%:</c> and <c>%:%:</c> made spaces.</summary>
    private static byte[] HideDirectiveMarks(byte[] source, out int count)
    {
        byte[] hidden = (byte[])source.Clone();
        count = 0;
        for (int i = 0; i < hidden.Length; i++)
        {
            int length = MarkLength(source, i);
            if (length == 0)
                continue;
            for (int j = i; j < i + length; j++)
            {
                if (source[j] is (byte)'#' or (byte)'%' or (byte)':')
                    hidden[j] = (byte)' ';
            }
            count++;
            i += length - 1;
        }
        return hidden;
    }

    /// <summary>
    /// The tokens of the real bytes: a token whose extent held a hidden mark (a comment, a literal) is
    /// spelled from the real bytes; a hidden mark outside every token becomes the punctuation token
    /// clang's lexer reads there, from the line splices right before it (clang starts a token at
    /// them) to its end.
    /// </summary>
    private static List<Token> Restore(byte[] source, byte[] hidden, IReadOnlyList<Token> lexed, List<int> ends, string path)
    {
        var result = new List<Token>(lexed.Count + 16);
        var lines = new LineCursor(source);
        int at = 0;
        for (int i = 0; i < lexed.Count; i++)
        {
            Token t = lexed[i];
            int start = t.Position.Offset, end = ends[i];
            AddMarks(source, hidden, at, start, lines, path, result);
            bool touched = !source.AsSpan(start, end - start).SequenceEqual(hidden.AsSpan(start, end - start));
            result.Add(touched ? t with { Spelling = Encoding.UTF8.GetString(source, start, end - start) } : t);
            at = Math.Max(at, end);
        }
        AddMarks(source, hidden, at, source.Length, lines, path, result);
        return result;
    }

    /// <summary>The hidden marks in <c>[from, to)</c>, which no token covers, as tokens.</summary>
    private static void AddMarks(byte[] source, byte[] hidden, int from, int to, LineCursor lines, string path, List<Token> result)
    {
        for (int i = from; i < to; i++)
        {
            if (source[i] == hidden[i])
                continue;
            int length = Math.Max(MarkLength(source, i), 1);
            int start = SplicesBefore(source, i, from);
            (int line, int column) = lines.At(start);
            result.Add(new Token(TokenKind.Punctuation, Encoding.UTF8.GetString(source, start, i + length - start),
                new SourcePosition(path, line, column, start)));
            i += length - 1;
        }
    }

    /// <summary>
    /// The length in bytes of the <c>#</c>, <c>##</c>, <c>%:</c> or <c>%:%:</c> token starting at
    /// <paramref name="i"/> (line splices inside it included), 0 when none starts there.
    /// </summary>
    private static int MarkLength(byte[] source, int i)
    {
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

    /// <summary>The offset of the first of the line splices right before <paramref name="i"/>, not before <paramref name="floor"/>.</summary>
    private static int SplicesBefore(byte[] source, int i, int floor)
    {
        while (true)
        {
            int p = i - 1;
            if (p < floor || source[p] is not ((byte)'\n' or (byte)'\r'))
                return i;
            if (source[p] == '\n' && p - 1 >= floor && source[p - 1] == '\r')
                p--;
            p--;
            while (p >= floor && source[p] is (byte)' ' or (byte)'\t' or (byte)'\v' or (byte)'\f')
                p--;
            if (p < floor || source[p] != '\\')
                return i;
            i = p;
        }
    }

    /// <summary>Line and byte column of increasing offsets, lines ending as clang ends them (LF, CR LF or CR).</summary>
    private sealed class LineCursor(byte[] source)
    {
        private int _offset, _line = 1, _lineStart;

        public (int Line, int Column) At(int offset)
        {
            for (; _offset < offset; _offset++)
            {
                byte b = source[_offset];
                if (b == '\n' || (b == '\r' && (_offset + 1 >= source.Length || source[_offset + 1] != '\n')))
                {
                    _line++;
                    _lineStart = _offset + 1;
                }
            }
            return (_line, offset - _lineStart + 1);
        }
    }
}
