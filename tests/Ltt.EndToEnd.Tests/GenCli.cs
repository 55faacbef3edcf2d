using System.CommandLine;
using LttGen.Commands;

namespace Ltt.EndToEnd.Tests;

/// <summary>Runs ltt-gen's probe commands as the front end does, with captured output.</summary>
internal static class GenCli
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand("ltt-gen");
        root.Subcommands.Add(ProbesCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(MarkersCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        var output = new StringWriter();
        var error = new StringWriter();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
            return (2, "", string.Join("\n", parse.Errors.Select(e => e.Message)));
        int code = parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
