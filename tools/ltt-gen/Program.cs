using System.CommandLine;
using Ltt.Cli;

var root = new RootCommand("ltt-gen: find the tracepoint and marker sites of a kernel tree and generate probe modules and format metadata.");
root.Subcommands.Add(LttGen.Commands.ScanCommand.Create());
return CommandLineRunner.Run(root, args);
