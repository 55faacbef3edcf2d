using Ltt.Benchmarks;

// Benchmarks, one per name: dotnet run -c Release --project tests/Ltt.Benchmarks -- <name> [args]
// Add a benchmark with one line here.
var benchmarks = new Dictionary<string, (string Description, Func<string[], int> Run)>(StringComparer.Ordinal)
{
    ["trace-write"] = ("ns/event of a 3-integer event, 1 and 2 threads: ltt-trace vs EventSource+EventListener vs LTTng-UST", TraceWriteBenchmark.Run),
    ["trace-disk"] = ("consumer throughput to disk (MB/s) vs dd oflag=direct", TraceDiskBenchmark.Run),
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var benchmark))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Ltt.Benchmarks -- <name> [args]");
    foreach (var (name, entry) in benchmarks)
        Console.Error.WriteLine($"  {name,-14} {entry.Description}");
    return 2;
}
return benchmark.Run(args[1..]);
