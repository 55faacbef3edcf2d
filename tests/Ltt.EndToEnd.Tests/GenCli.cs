namespace Ltt.EndToEnd.Tests;

/// <summary>Runs ltt-gen as the front end does, with captured output.</summary>
internal static class GenCli
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args) => Cli.Gen(args);
}
