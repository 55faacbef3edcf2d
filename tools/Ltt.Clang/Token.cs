namespace Ltt.Clang;

/// <summary>One token of a source file as the C lexer saw it, with its position.</summary>
public sealed record Token(TokenKind Kind, string Spelling, SourcePosition Position)
{
    public bool Is(string spelling) => Spelling == spelling;

    public override string ToString() => $"{Spelling}@{Position.Line}:{Position.Column}";
}
