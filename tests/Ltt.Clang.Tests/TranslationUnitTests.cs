namespace Ltt.Clang.Tests;

/// <summary>The binding against the real libclang: layouts, types, tokens, diagnostics, skipped ranges, PCH.</summary>
public sealed class TranslationUnitTests : IDisposable
{
    private const string Main = "/virtual/main.c";
    private readonly ClangIndex _index = new();

    private static readonly string[] Args = ["-target", "x86_64-linux-gnu", "-x", "c", "-std=gnu11", "-nostdinc"];

    private TranslationUnit Parse(string source, ParseOptions options = ParseOptions.DetailedPreprocessingRecord, string[]? args = null)
    {
        Assert.True(_index.TryParse(Main, args ?? Args, [new UnsavedFile(Main, source)], options, out TranslationUnit? unit, out ParseError error),
            $"libclang refused the unit: {error}");
        return unit;
    }

    private static Cursor Find(TranslationUnit unit, CursorKind kind, string name) =>
        unit.Cursor.Children.Single(c => c.Kind == kind && c.Spelling == name);

    [Fact]
    public void ComputesRecordLayoutsForTheTarget()
    {
        using var unit = Parse("""
            #define LEN 3
            typedef unsigned short u16;
            struct s { char c; long l; u16 a[LEN * 2]; unsigned f : 5, g : 3; int tail; };
            """);
        ClangType s = Find(unit, CursorKind.StructDecl, "s").Type;

        Assert.Equal((40L, 8L), (s.SizeOf, s.AlignOf));
        var fields = s.Fields.ToDictionary(f => f.Spelling);
        Assert.Equal(64, fields["l"].FieldOffsetBits);
        Assert.Equal(6, fields["a"].Type.ArraySize);
        Assert.Equal("u16[6]", fields["a"].Type.Spelling);
        Assert.Equal(TypeKind.UShort, fields["a"].Type.ArrayElement.Canonical.Kind);
        Assert.True(fields["g"].IsBitField);
        Assert.Equal((3, 229L), (fields["g"].BitWidth, fields["g"].FieldOffsetBits)); // a[6] ends at byte 28
        Assert.Equal(s.OffsetOf("tail"), fields["tail"].FieldOffsetBits);
    }

    [Fact]
    public void ResolvesTypedefsSignednessAndPointers()
    {
        using var unit = Parse("""
            typedef int pid_t;
            enum e { A = -1 };
            enum u { B = 1u };
            struct t;
            void f(pid_t p, unsigned long n, char c, enum e x, enum u y, struct t *ptr, struct t whole);
            """);
        var args = Find(unit, CursorKind.FunctionDecl, "f").Arguments;

        Assert.Equal(["pid_t", "unsigned long", "char", "enum e", "enum u", "struct t *", "struct t"], args.Select(a => a.Type.Spelling));
        Assert.Equal("int", args[0].Type.Canonical.Spelling);
        Assert.Equal([true, false, true, true, false, false, false], args.Select(a => a.Type.IsSigned));
        Assert.Equal(TypeKind.Pointer, args[5].Type.Canonical.Kind);
        Assert.Equal("struct t", args[5].Type.Pointee.Spelling);
        Assert.True(args[6].Type.SizeOf < 0, "an incomplete struct has no size");
    }

    [Fact]
    public void GivesEnumsTheSignednessGccGivesThem()
    {
        // GCC: an enum is unsigned unless an enumerator is negative; mode(byte) and packed only narrow it
        // (afs.h's enums are __mode(byte); clang alone makes those signed char).
        using var unit = Parse("""
            enum plain { P0, P1 };
            enum negative { N0 = -1, N1 };
            enum byte { B0, B1 } __attribute__((mode(byte)));
            enum byte_negative { BN0 = -2, BN1 } __attribute__((mode(byte)));
            enum __attribute__((packed)) packed { K0, K1 = 200 };
            enum big { G0 = 0x80000000u };
            enum wide { W0 = 0x100000000ull, W1 = -1 };
            typedef enum byte byte_t;
            enum fixed : signed char { F0 };
            void f(enum plain a, enum negative b, enum byte c, enum byte_negative d, enum packed e, enum big g, enum wide w, byte_t t,
                   enum fixed x);
            """);
        var args = Find(unit, CursorKind.FunctionDecl, "f").Arguments;

        Assert.Equal([4L, 4, 1, 1, 1, 4, 8, 1, 1], args.Select(a => a.Type.SizeOf));
        Assert.Equal([false, true, false, true, false, false, true, false, true], args.Select(a => a.Type.IsSigned));
    }

    [Fact]
    public void ReadsAnnotationsAndExpansionLocations()
    {
        using var unit = Parse("""
            #define DECL(name) void name(void) __attribute__((annotate("tag:" #name)));

            DECL(first)
            """);
        Cursor first = Find(unit, CursorKind.FunctionDecl, "first");

        Assert.Equal(["tag:first"], first.Annotations);
        Assert.Equal((Main, 3), (first.Location.File, first.Location.Line));
    }

    [Fact]
    public void ReportsDiagnosticsWithFileAndLine()
    {
        using var unit = Parse("int ok;\nunknown_t bad;\n#include <nope.h>\n", ParseOptions.KeepGoing);

        Assert.Contains(unit.Diagnostics, d => d.IsError && d.Position.Line == 2 && d.Message.Contains("unknown_t"));
        Assert.Contains(unit.Diagnostics, d => d.IsError && d.Position.Line == 3 && d.Message.Contains("nope.h"));
        Assert.True(Find(unit, CursorKind.VarDecl, "bad").IsInvalidDeclaration);
    }

    [Fact]
    public void TokenizesAWholeFileAndKnowsItsSkippedRanges()
    {
        using var unit = Parse("#ifdef NOT_SET\nint hidden(\n#endif\nint shown = 0x10; /* c */\n");
        IReadOnlyList<Token> tokens = unit.Tokenize(Main);

        Assert.Contains(tokens, t => t.Spelling == "hidden" && t.Kind == TokenKind.Identifier && t.Position.Line == 2);
        Token literal = Assert.Single(tokens, t => t.Kind == TokenKind.Literal);
        Assert.Equal(("0x10", 4, 13), (literal.Spelling, literal.Position.Line, literal.Position.Column));
        SourceSpan skipped = Assert.Single(unit.SkippedRanges(Main));
        Assert.True(skipped.Start.Line <= 2 && skipped.End.Line >= 2);
        Assert.Contains("int shown", unit.FileText(Main));
    }

    [Fact]
    public void SavesAPchThatALaterParseUses()
    {
        string dir = Directory.CreateTempSubdirectory("ltt-clang-pch").FullName;
        try
        {
            string header = Path.Combine(dir, "pre.h");
            File.WriteAllText(header, "struct shared { int a; long b; };\n#define SHARED_LEN 7\n");
            string[] headerArgs = ["-target", "x86_64-linux-gnu", "-x", "c-header", "-std=gnu11"];
            Assert.True(_index.TryParse(header, headerArgs, null, ParseOptions.Incomplete | ParseOptions.ForSerialization, out var pre, out _));
            string pch = Path.Combine(dir, "pre.pch");
            using (pre)
                Assert.True(pre.SaveAsPch(pch));

            using var unit = Parse("struct shared s; char buf[SHARED_LEN];\n", args: [.. Args, "-include-pch", pch]);

            Assert.DoesNotContain(unit.Diagnostics, d => d.IsError);
            Assert.Equal(16, Find(unit, CursorKind.VarDecl, "s").Type.SizeOf);
            Assert.Equal(7, Find(unit, CursorKind.VarDecl, "buf").Type.ArraySize);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void AUsedUpUnitSaysSo()
    {
        TranslationUnit unit = Parse("int x;");
        unit.Dispose();
        Assert.Throws<ObjectDisposedException>(() => unit.Cursor);
    }

    public void Dispose() => _index.Dispose();
}
