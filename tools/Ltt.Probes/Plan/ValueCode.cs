using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>
/// The C a probe runs to get a value TP_fast_assign computes, as TP_fast_assign computes it:
/// locals of the entry field's type, the statements that set them (the assignment or the
/// call, as written, with <c>__entry-&gt;f</c> turned into the local), and for a sequence the
/// element count and the data pointer. The harness runs the same code on the same arguments
/// and records the result, since C# cannot evaluate it.
/// </summary>
/// <param name="Source">The TP_fast_assign statement this comes from.</param>
/// <param name="Locals">Declarations, one per line, without the ';' (<c>dev_t ltt_dev</c>).</param>
/// <param name="Statements">C statements, one per item, with their ';'.</param>
/// <param name="Value">What is recorded: the local, or for a sequence the data pointer.</param>
/// <param name="Count">For a sequence, the local holding its element count (already capped).</param>
/// <param name="Arguments">The tracepoint arguments the code reads.</param>
/// <param name="Reads">The scanner's tokens of what the code evaluates (the TP_fast_assign variables' values, the
/// expression or statement, a sequence's count): where it reads the arguments, and through which members.</param>
public sealed record ValueCode(
    FieldSource Source,
    IReadOnlyList<string> Locals,
    IReadOnlyList<string> Statements,
    string Value,
    string? Count,
    IReadOnlyList<string> Arguments,
    IReadOnlyList<CToken> Reads);
