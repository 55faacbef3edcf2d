using Ltt.Cli;
using LttGen.Commands;

return CommandLineRunner.Run("ltt-gen", GenRoot.Create(), args);
