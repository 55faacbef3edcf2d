using System.CommandLine;

namespace LttTrace.Commands;

/// <summary>The <c>ltt-trace</c> command line: every subcommand under one root (Program runs it; tests run it with captured output).</summary>
public static class TraceRoot
{
    public static RootCommand Create()
    {
        var root = new RootCommand("ltt-trace: record traces with the bundled runtime, read and validate CTF traces, run the CI validation run.");
        root.Subcommands.Add(DumpCommand.Create());
        root.Subcommands.Add(RecordCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(CiCommand.Create());
        root.Subcommands.Add(KernelRunCommand.Create());
        return root;
    }
}
