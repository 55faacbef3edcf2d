using System.Collections.Concurrent;
using System.Text;
using Ltt.Testing;
using Ltt.Tracepoints.Kbuild;
using Ltt.Tracepoints.Model;
using Xunit.Abstractions;

namespace Ltt.Tracepoints.Tests.RealTree;

/// <summary>
/// Every event record the scan resolves on the whole unpacked 6.1 source, checked against gcc where the kernel
/// compiles it: each .c file that defines CREATE_TRACE_POINTS is compiled with the kernel's flags (and its
/// folder's Kbuild flags), followed by one <c>_Static_assert</c> per offset and size of every field, and per
/// signedness of every integer, enum, bool and pointer field (with the kernel's own <c>is_signed_type</c>,
/// which is what a <c>format</c> file prints as <c>signed:</c>). A disagreement names the event class and field.
/// Minutes of gcc on the whole tree: in the slow set.
/// </summary>
[Trait("Category", "Slow")]
public sealed class WholeTreeGccCheckTests(ITestOutputHelper log)
{
    private const string Definers = "TRACE_EVENT TRACE_EVENT_CONDITION TRACE_EVENT_FN TRACE_EVENT_FN_COND DECLARE_EVENT_CLASS";

    [Fact]
    public void EveryFieldOfTheWholeTreeHasTheOffsetSizeAndSignednessGccGivesIt()
    {
        RealKernelHeaders.Require();
        string source = Path.Combine(RepoPaths.Root, ".cache", "linux-source-6.1-full");
        Assert.True(File.Exists(Path.Combine(source, "Kconfig")), $"{source}: the unpacked 6.1 source is missing; run 'bash .ci/install'");
        source = Path.GetFullPath(source);
        var result = TracepointScanner.Scan(new ScanOptions { Tree = source, BuildDirectory = RealKernelHeaders.Build });

        // One record per event class, where the class is defined; its DEFINE_EVENTs share the record.
        var events = result.Sites.Where(s => s.IsEvent && s.Class is not null && s.Fields.Count > 0 && s.ForcedConfig.Count == 0).ToList();
        var classes = events.Where(s => Definers.Split(' ').Contains(s.Macro))
            .GroupBy(s => Path.Combine(source, s.Location.File))
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var failures = new ConcurrentBag<string>();
        var definers = classes.Values.SelectMany(c => c).GroupBy(c => (c.Location.File, c.Name)).ToDictionary(g => g.Key, g => g.First());
        foreach (TracepointSite e in events)
        {
            if (definers.TryGetValue((e.Location.File, e.Class!), out var definer) && !definer.Fields.SequenceEqual(e.Fields))
                failures.Add($"{e.Location}: {e.Name}: its fields are not those of its class {e.Class}");
        }

        var flags = RealKernelHeaders.GccFlags(source);
        var kbuild = new KbuildFlags(source);
        var files = Directory.EnumerateFiles(source, "*.c", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(source, f).StartsWith("arch/", StringComparison.Ordinal) || f.Contains("/arch/x86/", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("#define CREATE_TRACE_POINTS", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        var checkedClasses = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var notCompiled = new ConcurrentBag<string>();
        int signedness = 0, assertions = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            string rel = Path.GetRelativePath(source, file);
            string folder = Path.GetDirectoryName(rel)!;
            var args = flags.Concat(kbuild.For(folder, Path.GetFileNameWithoutExtension(file) + ".o")).Append("-I" + Path.GetDirectoryName(file)).ToList();
            var (code, _, tree) = Gcc.Run([.. args, "-E", "-H", "-o", "/dev/null", file]);
            var mine = IncludeTree.Instantiated(tree).Where(classes.ContainsKey).SelectMany(h => classes[h]).ToList();
            if (code != 0 || mine.Count == 0)
            {
                if (code != 0)
                    notCompiled.Add($"{rel}: does not preprocess: {FirstError(tree)}");
                return;
            }
            var text = new StringBuilder($"#include \"{file}\"\n#ifndef is_signed_type\n#define is_signed_type(type) (((type)(-1)) < (type)1)\n#endif\n");
            int n = 0, s = 0;
            foreach (TracepointSite cls in mine)
            {
                foreach (EventField f in cls.Fields)
                {
                    var (all, signs) = Assertions(text, cls.Class!, f);
                    n += all;
                    s += signs;
                }
            }
            var (compiled, _, error) = Gcc.Run([.. args, "-fsyntax-only", "-x", "c", "-"], text.ToString());
            string[] lines = text.ToString().Split('\n');
            var errors = error.Split('\n').Where(l => l.Contains("error:", StringComparison.Ordinal)).ToList();
            var ours = errors.Where(l => l.StartsWith("<stdin>:", StringComparison.Ordinal) && !l.StartsWith("<stdin>:1:", StringComparison.Ordinal)).ToList();
            if (errors.Count > ours.Count)
            {
                notCompiled.Add($"{rel}: does not compile: {errors.First(e => !ours.Contains(e))}");
                return;
            }
            foreach (string line in ours)
            {
                string message = line[(line.IndexOf("error:", StringComparison.Ordinal) + 7)..];
                if (int.TryParse(line.Split(':')[1], out int at) && at <= lines.Length)
                    message += " -- " + lines[at - 1];
                failures.Add($"{rel}: {message}");
            }
            foreach (TracepointSite cls in mine)
                checkedClasses.TryAdd(cls.Location.File + ":" + cls.Class, true);
            Interlocked.Add(ref assertions, n);
            Interlocked.Add(ref signedness, s);
        });

        var unchecked_ = classes.Values.SelectMany(c => c).Where(c => !checkedClasses.ContainsKey(c.Location.File + ":" + c.Class)).ToList();
        int eventsChecked = events.Count(e => checkedClasses.ContainsKey(e.Location.File + ":" + e.Class));
        log.WriteLine($"{files.Count} .c files define CREATE_TRACE_POINTS, {notCompiled.Count} do not compile here; " +
            $"{checkedClasses.Count} event classes ({eventsChecked} of {events.Count} events) checked: {assertions} assertions, " +
            $"{signedness} of them signedness; {unchecked_.Count} classes not checked; {failures.Count} disagreements");
        foreach (string line in notCompiled.Order(StringComparer.Ordinal))
            log.WriteLine(line);
        foreach (var c in unchecked_.GroupBy(c => c.Location.File).OrderBy(g => g.Key, StringComparer.Ordinal))
            log.WriteLine($"not checked: {c.Key}: {c.Count()} classes");
        Assert.True(failures.IsEmpty, $"{failures.Count} disagreements with gcc:\n" + string.Join('\n', failures.Order(StringComparer.Ordinal).Take(60)));
        Assert.True(eventsChecked * 10 >= events.Count * 9, $"only {eventsChecked} of {events.Count} events checked");
    }

    /// <summary>Appends gcc assertions for one field; returns how many, and how many of them are of signedness.</summary>
    private static (int All, int Signedness) Assertions(StringBuilder sb, string cls, EventField f)
    {
        string s = $"struct trace_event_raw_{cls}";
        string member = f.Macro == "common" ? "ent." + f.Name["common_".Length..]
            : f.IsDataLoc ? (f.TypeSpelling.StartsWith("__rel_loc", StringComparison.Ordinal) ? "__rel_loc_" : "__data_loc_") + f.Name
            : f.Name;
        string access = $"(({s} *)0)->{member}";
        string tag = $"{cls}.{(f.Macro == "common" ? f.Name : member)}";
        sb.Append($"_Static_assert(__builtin_offsetof({s}, {member}) == {f.Offset}, \"{tag} offset {f.Offset}\");\n");
        sb.Append($"_Static_assert(sizeof({access}) == {f.Size}, \"{tag} size {f.Size}\");\n");
        string? type = f.IsDataLoc ? (f.Macro.EndsWith("cpumask", StringComparison.Ordinal) || !IsInteger(f.Type) ? null : f.Type.Spelling)
            : f.ArrayLength is not null ? (f.Type.Element is { } e && IsInteger(e) ? $"__typeof__({access}[0])" : null)
            : f.Macro.StartsWith("__field_struct", StringComparison.Ordinal) || !IsInteger(f.Type) ? null
            : $"__typeof__({access})";
        if (type is null)
            return (2, 0);
        int expected = f.IsSigned ? 1 : 0;
        sb.Append($"_Static_assert(is_signed_type({type}) == {expected}, \"{tag} signed {expected}\");\n");
        return (3, 1);
    }

    private static bool IsInteger(CType type) => type.Kind is CTypeKind.Integer or CTypeKind.Enum or CTypeKind.Bool or CTypeKind.Pointer;

    private static string FirstError(string stderr) =>
        stderr.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal)) ?? stderr.Split('\n')[0];
}
