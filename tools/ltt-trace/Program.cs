using System.CommandLine;
using Ltt.Cli;

var root = new RootCommand("ltt-trace: record traces with the bundled runtime, read and validate CTF traces, run the CI validation run.");
root.Subcommands.Add(LttTrace.Commands.RecordCommand.Create());
return CommandLineRunner.Run(root, args);
