using System.CommandLine;

namespace LttGen.Commands;

/// <summary>The <c>ltt-gen</c> command line: every subcommand under one root (Program runs it; tests run it with captured output).</summary>
public static class GenRoot
{
    public static RootCommand Create()
    {
        var root = new RootCommand("ltt-gen: find the tracepoint and marker sites of a kernel tree and generate probe modules and format metadata.");
        root.Subcommands.Add(ScanCommand.Create());
        root.Subcommands.Add(ProbesCommand.Create());
        root.Subcommands.Add(KprobesCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(MarkersCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        return root;
    }
}
