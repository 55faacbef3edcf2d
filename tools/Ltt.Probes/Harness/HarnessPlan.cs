namespace Ltt.Probes.Harness;

/// <summary>
/// The harness program: the C statements of every call (rendered by the harness template) and
/// the payload each call must produce, in call order.
/// </summary>
public sealed record HarnessPlan(int Calls, IReadOnlyList<ExpectedEvent> Expected)
{
    internal IReadOnlyList<HarnessCall> CallCode { get; init; } = [];

    /// <summary>File-scope objects the calls fill and the expect functions, with the event each belongs to.</summary>
    internal IReadOnlyList<HarnessObject> Objects { get; init; } = [];

    internal IReadOnlyList<string> Defines { get; init; } = [];
}

/// <summary>One call of a probe by the harness: its setup statements and the call itself.</summary>
internal sealed record HarnessCall(string Function, string Event, string? GuardOpen, string? GuardClose, IReadOnlyList<string> Statements, string Call);
