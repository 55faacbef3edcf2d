using System.CommandLine;
using Ltt.Cli;

var root = new RootCommand("ltt-gen: find the tracepoint and marker sites of a kernel tree and generate probe modules and format metadata.");
root.Subcommands.Add(LttGen.Commands.ScanCommand.Create());
root.Subcommands.Add(LttGen.Commands.ProbesCommand.Create());
root.Subcommands.Add(LttGen.Commands.CheckCommand.Create());
root.Subcommands.Add(LttGen.Commands.MarkersCommand.Create());
root.Subcommands.Add(LttGen.Commands.DiffCommand.Create());
return CommandLineRunner.Run(root, args);
