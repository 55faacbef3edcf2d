using System.CommandLine;
using Ltt.Cli;
using LttSplit.Commands;

var root = new RootCommand("ltt-split: route a patchset with the tree's MAINTAINERS file and split it into per-maintainer series.");
root.Subcommands.Add(RouteCommand.Create());
root.Subcommands.Add(SeriesCommand.Create());
return CommandLineRunner.Run(root, args);
