using Ltt.IO;
namespace Ltt.Validation.Harness;

/// <summary>The outcome of building the harness: every gcc run (with its diagnostics) and the program, when it linked.</summary>
public sealed record HarnessBuild(string? Executable, IReadOnlyList<ToolRun> Runs)
{
    public bool Success => Executable is not null && Runs.All(r => r.Success);

    /// <summary>gcc's warnings and errors, every run together.</summary>
    public string Diagnostics => string.Concat(Runs.Where(r => r.Error.Length > 0).Select(r => r.Command + "\n" + r.Error));
}
