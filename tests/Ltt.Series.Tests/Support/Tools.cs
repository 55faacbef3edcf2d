using Ltt.Testing;

namespace Ltt.Series.Tests.Support;

/// <summary>Runs real external tools (git, perl) isolated from the user's configuration.</summary>
public static class Tools
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(string program, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string>? environment = null, string? stdin = null, TimeSpan? timeout = null)
    {
        var variables = new Dictionary<string, string> { ["LC_ALL"] = "C" };
        if (environment is not null)
        {
            foreach (var (k, v) in environment)
                variables[k] = v;
        }
        var (code, output, error) = IsolatedProcess.Run(program, arguments, workingDirectory,
            Path.Combine(Path.GetTempPath(), "ltt-split-empty-home"), variables, stdin, timeout);
        return new Result(code, output, error);
    }
}
