namespace Ltt.Probes.Rendering;

// The objects templates see. Scriban exposes their properties in snake_case
// (ProbeName -> probe_name). They hold C text already decided by the planner
// (expressions, casts, names); the templates decide the shape of the files.

/// <summary>
/// One recorded value: its struct member (fixed payloads) or serializer call (variable ones).
/// An array is a struct member <c>MemberType Member[Length]</c> filled with <c>memcpy</c>, or
/// <see cref="Bytes"/> bytes from <see cref="Expr"/>; a sequence writes its count
/// (<see cref="Count"/>, aligned on <see cref="CountAlign"/>) then <see cref="Bytes"/> bytes.
/// </summary>
internal sealed record RenderValue(
    string Name,
    string Member,
    string MemberType,
    string Expr,
    string Source,
    string Helper,
    int Size,
    int Align,
    int Bound,
    bool IsString)
{
    public bool IsArray { get; init; }

    public bool IsSequence { get; init; }

    /// <summary>"[16]" after an array member's name; empty otherwise.</summary>
    public string MemberSuffix { get; init; } = "";

    public string? Bytes { get; init; }

    public string? Count { get; init; }

    public int CountAlign { get; init; }
}

/// <summary>A specialised serialization struct (<c>serialize_int_int_short</c>).</summary>
internal sealed record RenderStruct(string Name, IReadOnlyList<RenderValue> Members, bool Packed);

/// <summary>
/// One event of a module. <see cref="DefinitionParams"/> are the probe definition's parameters,
/// those it records nothing from marked <c>__maybe_unused</c> (the prototype keeps
/// <see cref="ParamsOrVoid"/>); <see cref="PrivateParam"/> is the tracepoint's data pointer,
/// which no probe reads.
/// </summary>
internal sealed record RenderEvent(
    string Name,
    int Id,
    string Channel,
    string Marker,
    string Format,
    string FormatLiteral,
    string ProbeName,
    string Source,
    string Kind,
    IReadOnlyList<string> Params,
    IReadOnlyList<string> ParamsOrVoid,
    IReadOnlyList<string> DefinitionParams,
    IReadOnlyList<string> DefinitionParamsOrVoid,
    IReadOnlyList<string> ArgNames,
    bool IsFixed,
    string? StructName,
    IReadOnlyList<RenderValue> Values,
    int Size,
    int LargestAlign,
    string LargestAlignExpr,
    int BufferSize,
    string? GuardOpen,
    string? GuardClose,
    string PrivateParam,
    RenderLocals Locals)
{
    /// <summary>Declarations of the locals the probe's code sets, with their ';' (a kprobe's with their value).</summary>
    public IReadOnlyList<string> CodeLocals { get; init; } = [];

    /// <summary>The TP_fast_assign code, one statement per item, unindented: the templates indent and wrap it (<c>wrap_statement</c>).</summary>
    public IReadOnlyList<string> CodeStatements { get; init; } = [];

    /// <summary>For a dynamic probe, its kprobe; null for a tracepoint's probe.</summary>
    public RenderKprobe? Kprobe { get; init; }
}

/// <summary>
/// A kprobe handler's own parts: the function, the <c>struct kprobe</c> or <c>struct kretprobe</c>
/// variable, and the handler's first parameter (which it does not read).
/// </summary>
internal sealed record RenderKprobe(string Function, bool IsReturn, string Variable, string HandlerParam, int MaxActive);

/// <summary>Names of a probe's locals, chosen so that no tracepoint argument shadows them.</summary>
internal sealed record RenderLocals(string Marker, string Data, string Len);

/// <summary>One probe module (one channel).</summary>
internal sealed record RenderModule(
    string Name,
    string Ident,
    string Channel,
    IReadOnlyList<string> Includes,
    IReadOnlyList<RenderStruct> Structs,
    IReadOnlyList<RenderEvent> Events,
    IReadOnlyList<string> Sources)
{
    /// <summary>Struct tags named in the probes' parameters, to declare before the trace headers.</summary>
    public IReadOnlyList<string> ForwardStructs { get; init; } = [];
}
