using Ltt.Cli;
using LttSplit.Commands;

return CommandLineRunner.Run("ltt-split", SplitRoot.Create(), args);
