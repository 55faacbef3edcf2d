extern alias gen;
extern alias split;
extern alias trace;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// Runs a front end in this process exactly as its Program does (same root command, same
/// runner: usage errors, exit codes, the last line of defence), with the output captured.
/// </summary>
internal static class Cli
{
    public static (int ExitCode, string Output, string Error) Gen(params string[] args) =>
        Run((o, e) => gen::Ltt.Cli.CommandLineRunner.Run("ltt-gen", LttGen.Commands.GenRoot.Create(), args, o, e));

    public static (int ExitCode, string Output, string Error) Split(params string[] args) =>
        Run((o, e) => split::Ltt.Cli.CommandLineRunner.Run("ltt-split", LttSplit.Commands.SplitRoot.Create(), args, o, e));

    public static (int ExitCode, string Output, string Error) Trace(params string[] args) =>
        Run((o, e) => trace::Ltt.Cli.CommandLineRunner.Run("ltt-trace", LttTrace.Commands.TraceRoot.Create(), args, o, e));

    /// <summary>Runs any root through the runner linked into <paramref name="tool"/> (ltt-gen, ltt-split or ltt-trace).</summary>
    public static (int ExitCode, string Output, string Error) Root(string tool, System.CommandLine.RootCommand root, params string[] args) =>
        Run((o, e) => tool switch
        {
            "ltt-gen" => gen::Ltt.Cli.CommandLineRunner.Run(tool, root, args, o, e),
            "ltt-split" => split::Ltt.Cli.CommandLineRunner.Run(tool, root, args, o, e),
            _ => trace::Ltt.Cli.CommandLineRunner.Run(tool, root, args, o, e),
        });

    private static (int, string, string) Run(Func<TextWriter, TextWriter, int> run)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = run(output, error);
        return (code, output.ToString(), error.ToString());
    }
}
