namespace Ltt.Trace.Reader.Metadata;

/// <summary>Kinds of TSDL tokens.</summary>
internal enum TsdlTokenKind
{
    End,
    Identifier,
    Number,
    String,
    Punct,
}

/// <summary>One TSDL token with the 1-based line it starts on.</summary>
internal readonly record struct TsdlToken(TsdlTokenKind Kind, string Text, int Line)
{
    public bool Is(string punctOrKeyword) => (Kind == TsdlTokenKind.Punct || Kind == TsdlTokenKind.Identifier) && Text == punctOrKeyword;

    public override string ToString() => Kind switch
    {
        TsdlTokenKind.End => "end of metadata",
        TsdlTokenKind.String => $"\"{Text}\"",
        _ => $"'{Text}'",
    };
}
