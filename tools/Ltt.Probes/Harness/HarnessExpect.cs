namespace Ltt.Probes.Harness;

/// <summary>
/// The harness's <c>expect_&lt;event&gt;()</c> function (rendered by <c>harness-module.c.sbn</c>): it
/// takes the probe's parameters, runs the probe's TP_fast_assign code and records each value it
/// computes with <c>ltt_userspace_expect()</c>.
/// </summary>
/// <param name="Params">The parameters' declarations, those the code does not read marked <c>__maybe_unused</c>.</param>
/// <param name="Locals">Declarations of the locals the code sets, with their ';'.</param>
/// <param name="Statements">The code, one statement per item, unindented.</param>
internal sealed record HarnessExpect(
    string Function,
    string? GuardOpen,
    string? GuardClose,
    IReadOnlyList<string> Params,
    IReadOnlyList<string> Locals,
    IReadOnlyList<string> Statements,
    IReadOnlyList<HarnessExpectValue> Values);
