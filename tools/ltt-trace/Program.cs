using System.CommandLine;
using Ltt.Cli;
using LttTrace.Commands;

var root = new RootCommand("ltt-trace: record traces with the bundled runtime, read and validate CTF traces, run the CI validation run.");
root.Subcommands.Add(DumpCommand.Create());
root.Subcommands.Add(RecordCommand.Create());
root.Subcommands.Add(StatsCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(CiCommand.Create());
return CommandLineRunner.Run(root, args);
