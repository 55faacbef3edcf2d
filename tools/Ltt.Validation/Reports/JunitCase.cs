namespace Ltt.Validation.Reports;

/// <summary>
/// One test case of a JUnit report: its group (<c>classname</c>) and name, what failed (empty
/// when it passed), the failure's one-line message (the first failure unless set), why it was
/// skipped (null when it ran), and text for <c>system-out</c>.
/// </summary>
public sealed record JunitCase(string ClassName, string Name)
{
    public IReadOnlyList<string> Failures { get; init; } = [];

    public string? FailureMessage { get; init; }

    public string? Skipped { get; init; }

    public string? Output { get; init; }
}
