using Ltt.Trace.Clocks;

namespace Ltt.Trace.Tests.Clocks;

public sealed class GlobalClockTests
{
    [Fact]
    public void NeverReturnsLessThanAValueAlreadyReturnedEvenFromASkewedSource()
    {
        // Each thread's source runs behind the others by a different amount, like unsynchronised CPUs.
        var baseline = new ThreadLocal<long>(() => Environment.CurrentManagedThreadId % 4 * -50_000);
        var clock = new GlobalClock(() => (ulong)(1_000_000 + (long)LocalClock.Now() / 1000 + baseline.Value));
        const int threads = 4;
        ulong latestSeen = 0;
        var failures = 0;
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            for (int i = 0; i < 200_000; i++)
            {
                ulong before = Volatile.Read(ref latestSeen);
                ulong now = clock.Now();
                if (now < before)
                    Interlocked.Increment(ref failures);
                ulong seen = Volatile.Read(ref latestSeen);
                while (now > seen)
                {
                    ulong old = Interlocked.CompareExchange(ref latestSeen, now, seen);
                    if (old == seen)
                        break;
                    seen = old;
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        Assert.Equal(0, failures);
    }

    [Fact]
    public void LocalClockAdvancesAndHasAnEpochOffset()
    {
        ulong first = LocalClock.Now();
        Thread.Sleep(2);
        ulong second = LocalClock.Now();
        Assert.True(second > first);
        double seconds = (LocalClock.EpochOffset() + (long)second) / (double)LocalClock.Frequency;
        double unix = (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;
        Assert.InRange(seconds, unix - 1, unix + 1);
    }
}
