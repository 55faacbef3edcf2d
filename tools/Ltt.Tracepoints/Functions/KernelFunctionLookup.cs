using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Functions;

/// <summary>The functions found by name, and why the others were not (the tree does not define them, a parse failed).</summary>
public sealed record KernelFunctionLookup(
    IReadOnlyDictionary<string, KernelFunction> Functions,
    IReadOnlyDictionary<string, string> NotFound,
    IReadOnlyList<ScanDiagnostic> Diagnostics);
