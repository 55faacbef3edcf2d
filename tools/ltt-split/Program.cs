using System.CommandLine;
using Ltt.Cli;

var root = new RootCommand("ltt-split: route a patchset with the tree's MAINTAINERS file and split it into per-maintainer series.");
return CommandLineRunner.Run(root, args);
