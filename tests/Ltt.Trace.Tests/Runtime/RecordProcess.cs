using System.Diagnostics;

namespace Ltt.Trace.Tests.Runtime;

/// <summary>Runs <c>ltt-trace record</c> as its own process, for the tests that stop or kill it mid-way.</summary>
internal static class RecordProcess
{
    /// <summary>Starts <c>ltt-trace record -o DIRECTORY OPTIONS...</c> with its output redirected.</summary>
    public static Process Start(string directory, params string[] options)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "ltt-trace.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the test project references tools/ltt-trace");
        var start = new ProcessStartInfo("dotnet", [dll, "record", "-o", directory, .. options])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start ltt-trace");
    }

    /// <summary>Waits (90 s at most) until the stream files hold <paramref name="minimumBytes"/>; fails if the process ends first.</summary>
    public static void WaitForBytes(string directory, Process record, long minimumBytes)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (record.HasExited)
                Assert.Fail("ltt-trace record ended early: " + record.StandardError.ReadToEnd());
            long bytes = Directory.Exists(directory)
                ? Directory.GetFiles(directory, "channel0_*").Sum(f => new FileInfo(f).Length)
                : 0;
            if (bytes >= minimumBytes)
                return;
            Thread.Sleep(20);
        }
        Assert.Fail("ltt-trace record wrote too little in 90 s");
    }
}
