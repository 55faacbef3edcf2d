// Benchmarks, one name each: dotnet run -c Release --project tests/Ltt.Benchmarks -- <name> [args]
// Add a benchmark with one line in the table below.
using Ltt.Benchmarks;

var benchmarks = new Dictionary<string, (string Usage, Func<string[], int> Run)>(StringComparer.Ordinal)
{
    ["reader"] = ("reader TRACE...  ltt-trace's reader vs babeltrace2 (counter sink and text output)", ReaderBenchmark.Run),
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var benchmark))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Ltt.Benchmarks -- <name> [args]");
    foreach (var (_, (usage, _)) in benchmarks)
        Console.Error.WriteLine("  " + usage);
    return 2;
}
return benchmark.Run(args[1..]);
