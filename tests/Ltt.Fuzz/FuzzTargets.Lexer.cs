using System.Text;
using Ltt.Clang;

namespace Ltt.Fuzz;

public static partial class FuzzTargets
{
    /// <summary>
    /// Any bytes as a C file read alone (<see cref="FileLexer"/>), checked against the bytes
    /// themselves: the tokens come in order without overlapping, each lies on the line and column
    /// its offset says, each but an identifier (whose spelling libclang cleans of line splices) is
    /// spelled as the bytes it covers, and every <c>#</c> of the input lies in a token (but in a
    /// block comment left open at the end, which clang drops). A broken
    /// check throws, so the campaign reports it as a crash.
    /// </summary>
    private static void CLexer(byte[] input)
    {
        using var index = new ClangIndex();
        if (!FileLexer.TryLex(index, "fuzz.h", input, out IReadOnlyList<Token>? tokens, out ParseError error))
            throw new InvalidOperationException($"libclang read no unit ({error})");
        var lines = LineStarts(input);
        var covered = new bool[input.Length];
        bool exact = true;
        int end = 0;
        foreach (Token t in tokens)
        {
            int at = t.Position.Offset;
            if (at < end || at >= input.Length)
                throw new InvalidOperationException($"{t}: at {at}, the token before ends at {end}");
            int found = lines.BinarySearch(at);
            int line = found >= 0 ? found + 1 : ~found;
            if ((t.Position.Line, t.Position.Column) != (line, at - lines[line - 1] + 1))
                throw new InvalidOperationException($"{t}: offset {at} is {line}:{at - lines[line - 1] + 1}");
            byte[] spelled = Encoding.UTF8.GetBytes(t.Spelling);
            // Invalid UTF-8 comes back as U+FFFD: such a token's byte length is not known here.
            if (t.Spelling.Contains('\uFFFD'))
            {
                exact = false;
                end = at + 1;
                continue;
            }
            bool cleaned = t.Kind is TokenKind.Identifier or TokenKind.Keyword;
            if (!cleaned && !input.AsSpan(at).StartsWith(spelled))
                throw new InvalidOperationException($"{t}: the bytes at {at} are not its spelling");
            int length = cleaned ? 1 : spelled.Length;
            Array.Fill(covered, true, at, length);
            end = at + length;
        }
        // After the last token there is only blank space, or a block comment left open, which clang drops.
        int checkedEnd = CommentOpening(input, end);
        for (int i = 0; exact && i < checkedEnd; i++)
        {
            if (input[i] == '#' && !covered[i])
                throw new InvalidOperationException($"the # at {i} is in no token; the tokens around it: " +
                    string.Join(" ", tokens.Where(t => Math.Abs(t.Position.Offset - i) < 40).Select(t => $"[{t.Kind} {t.Spelling} @{t.Position.Offset}]")));
        }
    }

    /// <summary>Where a block comment opens at or after <paramref name="from"/> (<c>/*</c>, line splices between the two allowed), or the input's end.</summary>
    private static int CommentOpening(byte[] input, int from)
    {
        for (int i = from; i < input.Length; i++)
        {
            if (input[i] != '/')
                continue;
            int j = i + 1;
            while (j < input.Length && input[j] == '\\')
            {
                int k = j + 1;
                while (k < input.Length && input[k] is (byte)' ' or (byte)'\t' or (byte)'\v' or (byte)'\f')
                    k++;
                if (k < input.Length && input[k] == '\r')
                    k++;
                if (k < input.Length && input[k] == '\n')
                    k++;
                else if (k == j + 1 || input[k - 1] != '\r')
                    break;
                j = k;
            }
            if (j < input.Length && input[j] == '*')
                return i;
        }
        return input.Length;
    }

    /// <summary>The offset of each line's start, lines ending as clang ends them (LF, CR LF or CR).</summary>
    private static List<int> LineStarts(byte[] input)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < input.Length; i++)
        {
            if (input[i] == '\n' || (input[i] == '\r' && (i + 1 >= input.Length || input[i + 1] != '\n')))
                starts.Add(i + 1);
        }
        return starts;
    }
}
