using System.CommandLine;

namespace LttSplit.Commands;

/// <summary>The <c>ltt-split</c> command line: every subcommand under one root (Program runs it; tests run it with captured output).</summary>
public static class SplitRoot
{
    public static RootCommand Create()
    {
        var root = new RootCommand("ltt-split: route a patchset with the tree's MAINTAINERS file and split it into per-maintainer series.");
        root.Subcommands.Add(RouteCommand.Create());
        root.Subcommands.Add(SeriesCommand.Create());
        return root;
    }
}
