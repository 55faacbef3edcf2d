using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>
/// A piece of C the planner took from <c>TP_STRUCT__entry</c> or <c>TP_fast_assign</c>: the
/// scanner's tokens of it, which the planner reads, and its text as a probe writes it (on one
/// line, or for an <c>if</c> statement rewritten in kernel style, see <see cref="BranchStatement"/>).
/// </summary>
public sealed record CFragment(IReadOnlyList<CToken> Tokens, string Text)
{
    public static CFragment Of(IReadOnlyList<CToken> tokens) => new(tokens, CTokens.Join(tokens));

    public override string ToString() => Text;
}
