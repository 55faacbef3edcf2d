using System.Collections.Concurrent;
using System.Text;
using Ltt.Testing;
using Ltt.Tracepoints.Model;
using Xunit.Abstractions;

namespace Ltt.Tracepoints.Tests.RealTree;

/// <summary>
/// Scans real 6.1 trace headers and checks every field of every event record in a broad sample against
/// gcc compiling the same headers through the kernel's own TRACE_EVENT machinery (CREATE_TRACE_POINTS,
/// so struct trace_event_raw_* comes from include/trace/trace_events.h): one _Static_assert per offset,
/// size, signedness and array length the scanner reported.
/// </summary>
public sealed class RealTreeLayoutTests
{
    private readonly ITestOutputHelper _output;

    public RealTreeLayoutTests(ITestOutputHelper output) => _output = output;

    private static readonly string SampleFile = RepoPaths.TestData("Ltt.Tracepoints.Tests", "RealTree", "sample-headers.txt");

    [Fact]
    public void EventLayoutsAgreeWithGccOnTheKernelsOwnMachinery()
    {
        RealKernelHeaders.Require();
        var sample = File.ReadAllLines(SampleFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToDictionary(p => p[0], p => p[1..]);
        var headers = sample.Keys.ToList();
        var result = TracepointScanner.Scan(new ScanOptions
        {
            Tree = RealKernelHeaders.Common,
            BuildDirectory = RealKernelHeaders.Build,
            Paths = headers.Select(h => "include/trace/events/" + h).ToList(),
        });

        var flags = RealKernelHeaders.GccFlags();
        var failures = new ConcurrentBag<string>();
        int checks = 0, records = 0;
        Parallel.ForEach(headers, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, header =>
        {
            string rel = "include/trace/events/" + header;
            var classes = result.Sites
                .Where(s => s.Location.File == rel && s.IsEvent && s.Class is not null && s.Fields.Count > 0 && s.ForcedConfig.Count == 0)
                .GroupBy(s => s.Class!)
                .Select(g => g.First())
                .ToList();
            if (classes.Count == 0)
            {
                failures.Add($"{rel}: the scan resolved no event");
                return;
            }
            var source = new StringBuilder();
            foreach (string prerequisite in sample[header])
                source.Append("#include <").Append(prerequisite).Append(">\n");
            source.Append("#define CREATE_TRACE_POINTS\n#include <trace/events/").Append(header).Append(">\n#include <linux/stddef.h>\n");
            int n = 0;
            foreach (TracepointSite site in classes)
            {
                foreach (EventField f in site.Fields)
                    n += Assertions(source, site.Class!, f);
            }
            var (code, _, error) = Gcc.Run([.. flags, "-fsyntax-only", "-x", "c", "-"], source.ToString());
            Interlocked.Add(ref checks, n);
            Interlocked.Add(ref records, classes.Count);
            if (code != 0)
            {
                string[] lines = source.ToString().Split('\n');
                string kept = Path.Combine(Path.GetTempPath(), $"ltt-layout-check-{Path.GetFileNameWithoutExtension(header)}.c");
                File.WriteAllText(kept, source.ToString());
                failures.Add($"{rel}: the reference source is kept in {kept}");
                foreach (string line in error.Split('\n').Where(l => l.Contains("error:")))
                {
                    // Name the assertion when gcc points into our own source (<stdin>:line:).
                    string message = line[(line.IndexOf("error:", StringComparison.Ordinal) + 7)..];
                    if (line.StartsWith("<stdin>:", StringComparison.Ordinal) && int.TryParse(line.Split(':')[1], out int at) && at <= lines.Length)
                        message += " -- " + lines[at - 1];
                    failures.Add($"{rel}: {message}");
                }
            }
        });

        _output.WriteLine($"{headers.Count} headers, {records} event records, {checks} assertions checked by gcc");
        Assert.True(failures.IsEmpty, $"{failures.Count} disagreements with gcc:\n" + string.Join('\n', failures.Order().Take(40)));
        Assert.True(records >= 200 && checks >= 4000, $"too small a sample: {records} records, {checks} checks");
        var unresolved = result.Unresolved.Where(u => !u.Reason.StartsWith("not compiled", StringComparison.Ordinal)).ToList();
        Assert.True(unresolved.Count == 0, "unresolved in the sample:\n" + string.Join('\n', unresolved));
    }

    /// <summary>Appends gcc assertions for one field; returns how many.</summary>
    private static int Assertions(StringBuilder sb, string cls, EventField f)
    {
        string s = $"struct trace_event_raw_{cls}";
        string member = f.Macro == "common" ? "ent." + f.Name["common_".Length..]
            : f.IsDataLoc ? (f.TypeSpelling.StartsWith("__rel_loc", StringComparison.Ordinal) ? "__rel_loc_" : "__data_loc_") + f.Name
            : f.Name;
        string access = $"(({s} *)0)->{member}";
        string tag = $"{cls}.{member}";
        int n = 2;
        sb.Append($"_Static_assert(offsetof({s}, {member}) == {f.Offset}, \"{tag} offset {f.Offset}\");\n");
        sb.Append($"_Static_assert(sizeof({access}) == {f.Size}, \"{tag} size {f.Size}\");\n");
        if (f.ArrayLength is long length)
        {
            sb.Append($"_Static_assert(sizeof({access}) / sizeof({access}[0]) == {length}, \"{tag} length {length}\");\n");
            if (f.Type.Element is { Kind: CTypeKind.Integer or CTypeKind.Enum })
                sb.Append($"_Static_assert(((__typeof__({access}[0]))-1 < 0) == {(f.IsSigned ? 1 : 0)}, \"{tag} signed {f.IsSigned}\");\n");
            n += 2;
        }
        else if (!f.IsDataLoc && f.Type.Kind is CTypeKind.Integer or CTypeKind.Enum && !f.Macro.StartsWith("__field_struct", StringComparison.Ordinal))
        {
            sb.Append($"_Static_assert(((__typeof__({access}))-1 < 0) == {(f.IsSigned ? 1 : 0)}, \"{tag} signed {f.IsSigned}\");\n");
            n++;
        }
        return n;
    }
}
