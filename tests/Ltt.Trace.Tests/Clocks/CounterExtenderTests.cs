using Ltt.Trace.Clocks;

namespace Ltt.Trace.Tests.Clocks;

/// <summary>
/// A controllable counter that wraps many times, read from several threads at once: every
/// narrow read must extend to the exact 64-bit value it was taken from.
/// </summary>
public sealed class CounterExtenderTests
{
    [Theory]
    [InlineData(27)]
    [InlineData(32)]
    public void ExtendsConcurrentReadsExactlyAcrossManyWraps(int bits)
    {
        const int threads = 4;
        const int rounds = 3000;
        ulong mask = (1UL << bits) - 1;
        // Within a round, threads advance the shared counter and read it concurrently; the
        // barrier keeps every read within half a period of the latest (the extender's contract).
        ulong maxStep = (1UL << (bits - 1)) / (2 * threads);
        var counter = new ControllableCounter(initial: (1UL << 40) - 12345);
        var extender = new CounterExtender(bits, counter.Value);
        var barrier = new Barrier(threads);
        var failures = new List<string>();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var random = new Random(t * 7919 + bits);
            for (int round = 0; round < rounds; round++)
            {
                ulong truth = counter.Advance((ulong)random.NextInt64(1, (long)maxStep));
                ulong extended = extender.Extend(truth & mask);
                if (extended != truth)
                {
                    lock (failures)
                        failures.Add($"thread {t} round {round}: counter {truth:x}, extended {extended:x}");
                }
                barrier.SignalAndWait();
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.Empty(failures);
        double wraps = (counter.Value - ((1UL << 40) - 12345)) / (double)(1UL << bits);
        Assert.True(wraps > 100, $"only {wraps:F0} wrap-arounds");
        Assert.Equal(counter.Value, extender.Latest);
    }

    [Fact]
    public void OutOfOrderReadsResolveToTheNearestValue()
    {
        const ulong period = 1UL << 27;
        var extender = new CounterExtender(27, 5 * period + period - 10);
        // A read taken just after the wrap...
        Assert.Equal(6 * period + 20, extender.Extend(20));
        // ...then one taken just before it, arriving late: no spurious second wrap.
        Assert.Equal(5 * period + period - 15, extender.Extend(period - 15));
        Assert.Equal(6 * period + 20, extender.Latest);
    }

    [Fact]
    public void CtfReaderRuleRebuildsForwardOnly()
    {
        ulong previous = (9UL << 27) + 1000;
        Assert.Equal((9UL << 27) + 2000, CompactTimestamp.Rebuild(previous, 2000, 27));
        Assert.Equal((10UL << 27) + 500, CompactTimestamp.Rebuild(previous, 500, 27));
        Assert.True(CompactTimestamp.Fits(previous, (9UL << 27) + (1UL << 27) - 1, 27));
        Assert.False(CompactTimestamp.Fits(previous, 10UL << 27, 27));
    }

    /// <summary>A 64-bit counter advanced by the test; the code under test only sees its low bits.</summary>
    private sealed class ControllableCounter(ulong initial)
    {
        private ulong _value = initial;

        public ulong Value => Volatile.Read(ref _value);

        public ulong Advance(ulong delta) => Interlocked.Add(ref _value, delta);
    }
}
