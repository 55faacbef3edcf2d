using Ltt.Cli;
using LttTrace.Commands;

return CommandLineRunner.Run("ltt-trace", TraceRoot.Create(), args);
