// Benchmarks of the toolkit, each against the tool a user would pick instead, measured in the same run:
//   dotnet run -c Release --project tests/Ltt.Benchmarks -- <name> [options]
using Ltt.Benchmarks;

var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["scan"] = ScanBenchmark.Run,
    ["route"] = RouteBenchmark.Run,
    ["route-phases"] = RoutePhases.Run,
    ["route-startup"] = RouteStartupBenchmark.Run,
    ["trace-write"] = TraceWriteBenchmark.Run,
    ["trace-disk"] = TraceDiskBenchmark.Run,
    ["reader"] = ReaderBenchmark.Run,
    ["reader-child"] = ReaderOperations.Child,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: Ltt.Benchmarks <{string.Join('|', benchmarks.Keys.Order())}> [options]");
    return 2;
}
return run(args[1..]);
