using System.Runtime.CompilerServices;

// The disk benchmark drives the consumer and stream files directly, on sub-buffers it filled
// beforehand, to measure the consumer alone (tests/Ltt.Benchmarks/TraceDiskBenchmark.cs).
[assembly: InternalsVisibleTo("Ltt.Benchmarks")]

// The CPU read of the write path is checked directly (tests/Ltt.Trace.Tests/Native).
[assembly: InternalsVisibleTo("Ltt.Trace.Tests")]
