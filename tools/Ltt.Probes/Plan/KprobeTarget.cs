using Ltt.Tracepoints.Functions;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>
/// What makes an event a dynamic probe: the function its kprobe (or kretprobe) sits on and that
/// function's parameters, in order, which the handler reads from <c>struct pt_regs</c> by the
/// x86-64 calling convention (the first six integer arguments in registers).
/// </summary>
public sealed record KprobeTarget(string Function, bool Return, IReadOnlyList<KernelFunctionParam> Params, SourceLocation SpecLocation)
{
    /// <summary>The most arguments <c>regs_get_kernel_argument()</c> reads from registers on x86-64.</summary>
    public const int RegisterArguments = 6;

    /// <summary>The parameter's position (0 for the first), or -1 for <c>retval</c> and names it does not have.</summary>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Params.Count; i++)
        {
            if (Params[i].Name == name)
                return i;
        }
        return -1;
    }
}
