using System.Diagnostics;
using Ltt.Trace.Buffers;
using Ltt.Trace.Runtime;
using Ltt.Trace.Serialization;

namespace Ltt.Trace.Tests.Runtime;

/// <summary>
/// The flush interval (LTTng's switch timer): a channel that writes a few events and then idles
/// gets them on disk as a packet within the interval, while the session is still recording;
/// without it they wait in the open sub-buffer.
/// </summary>
public sealed class FlushIntervalTests
{
    [Fact]
    public void AQuietChannelsEventsReachTheDiskWhileRecording()
    {
        using var trace = new TempTrace();
        var options = new TraceSessionOptions(trace.Path, ThreeIntegers.Catalog, new ChannelConfig(CpuCount: 1), FlushInterval: TimeSpan.FromMilliseconds(50));
        Assert.True(TraceSession.TryStart(options, out var session, out var error), error);
        using (session)
        {
            WriteEvents(session, 0, 10);
            WaitForPackets(trace.Path, 1);
            var (packets, events) = TestTraceDecoder.Decode(trace.Path, ThreeIntegers.Catalog);
            Assert.Single(packets);
            Assert.Equal(Enumerable.Range(0, 10).Select(i => (ulong)i), events.Select(e => (ulong)e.Values[0]));

            // Idle: no empty packets pile up.
            Thread.Sleep(300);
            Assert.Single(TestTraceDecoder.Decode(trace.Path, ThreeIntegers.Catalog).Packets);

            WriteEvents(session, 10, 5);
            WaitForPackets(trace.Path, 2);
            Assert.Equal(15, TestTraceDecoder.Decode(trace.Path, ThreeIntegers.Catalog).Events.Count);
            TraceSessionStats stats = session.Stop();
            Assert.Equal(15, stats.EventsInTrace);
        }
    }

    [Fact]
    public void WithoutTheIntervalEventsWaitInTheOpenSubbuffer()
    {
        using var trace = new TempTrace();
        var options = new TraceSessionOptions(trace.Path, ThreeIntegers.Catalog, new ChannelConfig(CpuCount: 1));
        Assert.True(TraceSession.TryStart(options, out var session, out var error), error);
        using (session)
        {
            WriteEvents(session, 0, 10);
            Thread.Sleep(300);
            Assert.Equal(0, new FileInfo(Path.Combine(trace.Path, "channel0_0")).Length);
            Assert.Equal(10, session.Stop().EventsInTrace);
        }
    }

    private static void WriteEvents(TraceSession session, int first, int count)
    {
        for (int i = first; i < first + count; i++)
            Assert.True(session.Write(ThreeIntegers.Id, new ThreeIntegers((ulong)i, -i, 0)));
    }

    private static void WaitForPackets(string directory, int packets)
    {
        var clock = Stopwatch.StartNew();
        string file = Path.Combine(directory, "channel0_0");
        while (new FileInfo(file).Length < packets * (long)ChannelConfig.DefaultSubbufferSize)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"no packet {packets} within 10 s with a 50 ms flush interval");
            Thread.Sleep(10);
        }
    }
}
