using System.Text.RegularExpressions;
using System.Xml.Linq;
using Ltt.Testing;
using LttTrace.Commands;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// <c>ltt-trace ci</c> on kernel-tree/: generated probes built by gcc, run, replayed through the
/// runtime and read back by ltt-trace and babeltrace2 agree; and a deliberate template change
/// that reorders serialized fields makes the run fail naming the event, field and values.
/// </summary>
public sealed class CiRunTests
{
    // The sched and irq tracepoints: every probe shape (fixed structures, strings, pointers, #2u and #1u trace types) in a few seconds.
    private static readonly string[] Paths = ["include/trace/sched.h", "include/trace/irq.h"];

    [Fact]
    public void GeneratedProbesRuntimeAndBothReadersAgree()
    {
        string output = Temp("ci-ok");
        string junit = output + ".xml";
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        try
        {
            int exit = CiCommand.Run(RepoPaths.KernelTree, output, junit, null, "ltt-0.105", Paths, stdout, stderr);

            Assert.True(exit == 0, stdout.ToString() + stderr);
            string text = stdout.ToString();
            Assert.Contains("sched_switch", text);
            Assert.Contains("field values checked: all agree", text);
            Assert.DoesNotContain("MISMATCH", text);
            Assert.True(File.Exists(Path.Combine(output, "trace", "metadata")));
            Assert.True(File.Exists(Path.Combine(output, "probes", "harness", "build", "records.bin")));
            var suite = XDocument.Load(junit).Root!.Element("testsuite")!;
            Assert.Equal("0", suite.Attribute("failures")!.Value);
            Assert.Contains(suite.Elements("testcase"), c => c.Attribute("name")!.Value == "sched_switch");

            // The HTML page beside the JUnit file: each event's row holds the numbers the run printed.
            string html = File.ReadAllText(output + ".html");
            var printed = Regex.Match(text, @"^sched_switch\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$", RegexOptions.Multiline);
            Assert.True(printed.Success, text);
            var row = Regex.Match(html, @"<tr><td class=""number"" data-value=""(\d+)"">[^<]*</td><td>sched_switch</td>"
                + @"<td class=""number"" data-value=""(\d+)"">[^<]*</td><td class=""number"" data-value=""(\d+)"">[^<]*</td><td class=""number"" data-value=""(\d+)"">");
            Assert.True(row.Success, html);
            Assert.Equal(printed.Groups.Values.Skip(1).Select(g => g.Value), row.Groups.Values.Skip(1).Select(g => g.Value));
            Assert.Contains("<title>CI validation run: passed</title>", html);
        }
        finally
        {
            Cleanup(output, junit, output + ".html");
        }
    }

    [Fact]
    public void ArraysSequencesAndComputedFieldsAgreeInBothReaders()
    {
        // TRACE_EVENT headers whose fields TP_fast_assign computes: block's cmd sequence and
        // computed values, irq's cpumask sequence, jbd2's uuid array (with the headers ltt/probes.spec names).
        string output = Temp("ci-seq");
        string junit = output + ".xml";
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        try
        {
            int exit = CiCommand.Run(RepoPaths.KernelTree, output, junit, null, "ltt-0.105",
                [.. Paths, "include/trace/events/block.h", "include/trace/events/irq.h", "include/trace/events/jbd2.h"], stdout, stderr);

            Assert.True(exit == 0, stdout.ToString() + stderr);
            Assert.Contains("field values checked: all agree", stdout.ToString());
            var babeltrace = Ltt.IO.ToolRun.Start("babeltrace2", [Path.Combine(output, "trace")]);
            Assert.True(babeltrace.Success, "babeltrace2 is needed (bash .ci/install): " + babeltrace.Error);
            Assert.Contains("_cpus_length = 1, cpus = [ [0] = ", babeltrace.Output);
            Assert.Contains("_cmd_length = 0, cmd = [ ]", babeltrace.Output);
            Assert.Contains("uuid = [ [0] = ", babeltrace.Output);
            Assert.Matches(@"_cmd_length = [1-4], cmd = \[ \[0\] = 0x", babeltrace.Output);
        }
        finally
        {
            Cleanup(output, junit);
        }
    }

    [Fact]
    public void ReorderedSerializationTemplateIsCaughtWithEventFieldAndValues()
    {
        // A template change that writes the values of variable-size payloads in reverse order
        // while events.json keeps the declared order: what the probe records no longer matches
        // the metadata.
        string templates = Temp("ci-templates");
        string output = Temp("ci-bad");
        CopyDirectory(RepoPaths.Templates, templates);
        // The probe body every target shares, ltt-0.105's module.c.sbn among them.
        string module = Path.Combine(templates, "probes", "_shared", "probe-body.sbn");
        string text = File.ReadAllText(module);
        const string loop = "{{~ for v in e.values ~}}\n{{~ if v.is_string ~}}";
        Assert.Contains(loop, text);
        File.WriteAllText(module, text.Replace(loop, "{{~ for v in (e.values | array.reverse) ~}}\n{{~ if v.is_string ~}}"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        try
        {
            int exit = CiCommand.Run(RepoPaths.KernelTree, output, output + ".xml", templates, "ltt-0.105", Paths, stdout, stderr);

            string report = stdout.ToString();
            Assert.True(exit == 1, report + stderr);
            var mismatches = report.Split('\n').Where(l => l.StartsWith("MISMATCH ", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(mismatches);
            // irq_entry records "ip %lu handler %p irq_id #2u%u name %s": reversed, its payload starts with the name.
            Assert.Contains(mismatches, m => m.Contains("irq_entry") && m.Contains("field ip") && m.Contains("expected"));
            Assert.Contains(mismatches, m => m.StartsWith("MISMATCH values: irq_entry field", StringComparison.Ordinal) || m.StartsWith("MISMATCH validate:", StringComparison.Ordinal));
            Assert.Matches(@"irq_entry\s+\d+\s+\d+\s+\d+\s+[1-9]\d*", report);
            // The page lists them too, with their stage, event and field.
            string html = File.ReadAllText(output + ".html");
            Assert.Matches(@"<table id=""mismatches"">.*<td>irq_entry[^<]*</td><td>ip</td>", html.Replace("\n", ""));
            Assert.Contains("<title>CI validation run: failed</title>", html);
        }
        finally
        {
            Cleanup(output, templates, output + ".xml", output + ".html");
        }
    }

    private static string Temp(string name) => Path.Combine(Path.GetTempPath(), $"ltt-{name}-{Environment.ProcessId}-{Guid.NewGuid():N}");

    private static void CopyDirectory(string from, string to)
    {
        foreach (string dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    private static void Cleanup(params string[] paths)
    {
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
            else if (File.Exists(path))
                File.Delete(path);
        }
    }
}
