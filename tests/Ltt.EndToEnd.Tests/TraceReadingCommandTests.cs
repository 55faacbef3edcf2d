using Ltt.Testing;
using LttTrace.Commands;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// <c>ltt-trace dump</c>, <c>stats</c> and <c>validate</c> as a user runs them on the crafted
/// traces of tests/data/ctf-traces: output on success, exit 1 for a damaged trace, exit 2
/// with the path named (and nothing else) for something that is not a trace.
/// </summary>
public sealed class TraceReadingCommandTests
{
    private static readonly string Good = RepoPaths.TestData("data", "ctf-traces", "succeed", "compact-header", "trace");
    private static readonly string Damaged = RepoPaths.TestData("data", "ctf-traces", "fail", "bad-magic", "trace");

    [Fact]
    public void Dump_and_stats_agree_on_the_event_count()
    {
        var dump = new StringWriter();
        var stats = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(0, DumpCommand.Run(Good, dump, error));
        Assert.Equal(0, StatsCommand.Run(Good, stats, error));

        Assert.Equal("", error.ToString());
        int lines = dump.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.True(lines > 0);
        Assert.Contains($"events: {lines}\n", stats.ToString());
    }

    [Fact]
    public void Validate_fails_a_damaged_trace_naming_the_packet()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(1, ValidateCommand.Run(Damaged, null, false, null, output, error));
        Assert.Contains("bad magic 0xC1FC1FC0", output.ToString() + error);
        // compact-header declares enumerations its events step outside of on purpose; this one is clean.
        string clean = RepoPaths.TestData("data", "ctf-traces", "succeed", "big-endian-no-clock", "trace");
        Assert.Equal(0, ValidateCommand.Run(clean, null, false, null, new StringWriter(), new StringWriter()));
    }

    [Theory]
    [InlineData("dump")]
    [InlineData("stats")]
    [InlineData("validate")]
    public void Not_a_trace_is_bad_input_named_without_a_stack_trace(string command)
    {
        string path = RepoPaths.TestData("data", "ctf-traces");
        string missing = Path.Combine(path, "no-such-trace");
        foreach (string input in new[] { missing, RepoPaths.KernelTree })
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = command switch
            {
                "dump" => DumpCommand.Run(input, output, error),
                "stats" => StatsCommand.Run(input, output, error),
                _ => ValidateCommand.Run(input, null, false, null, output, error),
            };
            string all = output.ToString() + error;
            Assert.True(code is 1 or 2, $"{command} {input}: exit {code}");
            Assert.Contains(input, all);
            Assert.DoesNotContain("   at ", all);
        }
    }

    [Fact]
    public void An_overwrite_trace_reports_its_lost_packets_as_babeltrace2_does_and_is_valid()
    {
        string trace = Path.Combine(Path.GetTempPath(), "ltt-overwrite-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            // 4 x 4 KiB per CPU for 2 x 1,000,000 events: the writers overwrite most packets before the consumer reads them.
            var record = Cli.Trace("record", "-o", trace, "--threads", "2", "--events", "1000000", "--mode", "overwrite", "--subbuf-size", "4096", "--subbufs", "4");
            Assert.True(record.ExitCode == 0, record.Error);

            var stats = Cli.Trace("stats", trace);
            Assert.True(stats.ExitCode == 0, stats.Error);
            long lost = long.Parse(System.Text.RegularExpressions.Regex.Match(stats.Output, @"\nlost packets: (\d+)\n").Groups[1].Value);
            Assert.True(lost > 0, stats.Output);

            var babeltrace = IsolatedProcess.Run("babeltrace2", [trace], Path.GetTempPath(), null);
            Assert.Equal(0, babeltrace.ExitCode);
            long theirs = System.Text.RegularExpressions.Regex.Matches(babeltrace.Error, @"Tracer discarded (\d+) packets? between")
                .Sum(m => long.Parse(m.Groups[1].Value));
            Assert.Equal(theirs, lost);

            var validate = Cli.Trace("validate", trace);
            Assert.True(validate.ExitCode == 0, validate.Output + validate.Error);
            Assert.Contains($" packets, {lost} packet(s) lost", validate.Output);
            Assert.EndsWith(": valid\n", validate.Output);
        }
        finally
        {
            if (Directory.Exists(trace))
                Directory.Delete(trace, recursive: true);
        }
    }
}
