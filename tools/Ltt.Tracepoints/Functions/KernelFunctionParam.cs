using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Functions;

/// <summary>One parameter of a kernel function; <see cref="IsUser"/> when it is declared <c>__user</c> (a user-space pointer).</summary>
public sealed record KernelFunctionParam(string Name, CType Type, bool IsUser);
