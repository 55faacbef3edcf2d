using System.Text;
using Ltt.Testing;

namespace Ltt.Clang.Tests;

/// <summary>
/// A file read alone: the same tokens libclang's own single-file parse gives, where that parse
/// survives, and tokens where it does not (a broken <c>#if</c>) or would read another file.
/// </summary>
public sealed class FileLexerTests : IDisposable
{
    private const string Path = "/virtual/alone.h";
    private readonly ClangIndex _index = new();

    private IReadOnlyList<Token> Lex(string text) => Lex(Encoding.UTF8.GetBytes(text));

    private IReadOnlyList<Token> Lex(byte[] bytes)
    {
        Assert.True(FileLexer.TryLex(_index, Path, bytes, out IReadOnlyList<Token>? tokens, out ParseError error), $"libclang refused: {error}");
        return tokens;
    }

    /// <summary>The tokens of libclang's single-file parse of the real bytes, directives run.</summary>
    private IReadOnlyList<Token> Preprocessed(byte[] bytes)
    {
        Assert.True(_index.TryParse(Path, ["-x", "c", "-std=gnu11", "-w"], [new UnsavedFile(Path, bytes)], ParseOptions.SingleFileParse,
            out TranslationUnit? unit, out ParseError error), $"libclang refused: {error}");
        using (unit)
            return unit.Tokenize(Path);
    }

    private static string Show(IEnumerable<Token> tokens) =>
        string.Join("\n", tokens.Select(t => $"{t.Kind} {t.Spelling} {t.Position.Line}:{t.Position.Column}@{t.Position.Offset}"));

    public static TheoryData<string> Sources => new()
    {
        "#include <linux/tracepoint.h>\n#define X(a, b) a ## b #b\nX(1, 2)\n",
        "#if defined(CONFIG_A) && (CONFIG_B > 1)\nint a;\n#elif X\n#else\n#endif\n",
        "/* a # in a comment */ char *s = \"#not\" \"## either\"; char c = '#';\n// #define in a line comment\n",
        "#define LONG(a) \\\n\tdo { #a; } \\\n\twhile (0)\n  #  define SPACED 1\n",
        "%:define DIGRAPH(x) %:x a %:%: b\n%:include \"x.h\"\n",
        "#define A ###\nint x#y;\n#\n##\n",
        "#error don't stop here\n#pragma once\nint é = 1; /* é # */ #define AFTER 1\n",
        "#define CRLF 1\r\n#if CRLF\r\nint a;\r\n#endif\r\n",
        "#define CR 1\r#if CR\rint a;\r#endif\r",
        "#define S(x) \"a\" \\\n#x \\\r\n\\ \n#x #\\\n# x %\\\n:x\n#\\\ndefine SPLIT 1\n",
        "a \\#\nb \\##\t\nc %:\\\n:\n",
        "int a; /* left open\n#define X 1\n",
        "",
        "#",
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void GivesTheTokensOfTheSingleFileParse(string source)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(source);

        Assert.Equal(Show(Preprocessed(bytes)), Show(Lex(bytes)));
    }

    [Fact]
    public void GivesTheTokensOfEveryHeaderOfTheBundledTree()
    {
        string tree = RepoPaths.KernelTree;
        var headers = Directory.GetFiles(tree, "*.h", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(headers.Count > 50, $"{headers.Count} headers under {tree}");
        foreach (string header in headers)
        {
            byte[] bytes = File.ReadAllBytes(header);
            Assert.True(Show(Preprocessed(bytes)) == Show(Lex(bytes)), $"{header}: the tokens differ");
        }
    }

    [Fact]
    public void ReadsAnUnclosedParenthesisInAnIfThatCrashesTheSingleFileParse()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("#if (flag\n\t__entry->a = 1;\n#endif\n");

        Assert.False(_index.TryParse(Path, ["-x", "c", "-std=gnu11", "-w"], [new UnsavedFile(Path, bytes)], ParseOptions.SingleFileParse,
            out _, out ParseError crashed), "libclang no longer crashes here: the lexer's detour may go");
        Assert.Equal(ParseError.Crashed, crashed);
        var tokens = Lex(bytes);
        Assert.Equal("# if ( flag __entry -> a = 1 ; # endif", string.Join(" ", tokens.Select(t => t.Spelling)));
        Assert.Equal((1, 1, 0), (tokens[0].Position.Line, tokens[0].Position.Column, tokens[0].Position.Offset));
        Assert.Equal((3, 1), (tokens[^2].Position.Line, tokens[^2].Position.Column));
    }

    [Theory]
    [InlineData("(", "")]
    [InlineData("int x = !", "1;")]
    [InlineData("int x = ++", "x;")]
    [InlineData("int x = (int)", "1;")]
    [InlineData("int x = 1[", "1;")]
    public void LexesNestingDeeperThanLibclangsOwnStackTakes(string repeated, string tail)
    {
        // 5,000 levels: libclang's 8 MiB parse thread overflowed at 900 to 2,200 and took the process with it.
        string head = repeated.Contains('=') ? repeated[..(repeated.IndexOf('=') + 2)] : "";
        string unit = repeated[head.Length..];
        var tokens = Lex(head + string.Concat(Enumerable.Repeat(unit, 5000)) + tail);

        Assert.True(tokens.Count >= 5000, $"{tokens.Count} tokens");
    }

    [Fact]
    public void FollowsNoInclude()
    {
        var tokens = Lex("#include \"/dev/zero\"\n#include </dev/stdin>\nint a;\n");

        Assert.Equal(["#", "include", "\"/dev/zero\"", "#", "include", "<", "/", "dev", "/", "stdin", ">", "int", "a", ";"],
            tokens.Select(t => t.Spelling));
    }

    public void Dispose() => _index.Dispose();
}
