using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Functions;

/// <summary>
/// A kernel function as libclang resolved it where the tree defines it, with what decides
/// whether a kprobe can sit on it.
/// </summary>
/// <param name="Location">The definition (or, for an inline function, the header declaring it).</param>
/// <param name="Refusal">Why no kprobe can sit on it (<c>static inline</c>, <c>notrace</c>,
/// <c>NOKPROBE_SYMBOL</c>, <c>__init</c>), or null.</param>
public sealed record KernelFunction(
    string Name,
    SourceLocation Location,
    CType Returns,
    IReadOnlyList<KernelFunctionParam> Params,
    bool IsVariadic,
    string? Refusal);
