using System.Collections.Concurrent;
using System.Text;
using Ltt.Tracepoints.Kbuild;
using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Tests.RealTree;

/// <summary>
/// Checks a scan of the unpacked 6.1 source against gcc where the kernel compiles each record: a .c file that
/// defines CREATE_TRACE_POINTS is compiled with the kernel's flags (and its folder's Kbuild flags), followed by
/// one <c>_Static_assert</c> per offset and size of every field of the records it instantiates, and per
/// signedness of every integer, enum, bool and pointer field, with the kernel's own <c>is_signed_type</c>
/// (what a <c>format</c> file prints as <c>signed:</c>). Which records a file instantiates, gcc's <c>-H</c> says.
/// </summary>
internal sealed class GccRecordCheck
{
    private static readonly string[] Definers = ["TRACE_EVENT", "TRACE_EVENT_CONDITION", "TRACE_EVENT_FN", "TRACE_EVENT_FN_COND", "DECLARE_EVENT_CLASS"];

    private readonly string _source;
    private readonly List<string> _flags;
    private readonly KbuildFlags _kbuild;
    private readonly List<TracepointSite> _events;
    private readonly Dictionary<string, List<TracepointSite>> _classes;
    private readonly ConcurrentDictionary<string, bool> _checked = new(StringComparer.Ordinal);
    private int _assertions, _signedness, _enums;

    /// <summary>The disagreements, each naming the file, the class and the field.</summary>
    public ConcurrentBag<string> Failures { get; } = [];

    /// <summary>The .c files that do not compile here (an option the configuration leaves unset), with gcc's first error.</summary>
    public ConcurrentBag<string> NotCompiled { get; } = [];

    public int Assertions => _assertions;

    public int Signedness => _signedness;

    /// <summary>The signedness assertions on enum-typed fields.</summary>
    public int EnumSignedness => _enums;

    /// <summary>The scan's event sites with a record (forced ones left out: the configuration does not build them).</summary>
    public IReadOnlyList<TracepointSite> Events => _events;

    /// <summary>The record-defining sites no compiled file instantiated.</summary>
    public IEnumerable<TracepointSite> Unchecked => _classes.Values.SelectMany(c => c).Where(c => !_checked.ContainsKey(Key(c)));

    public int ClassesChecked => _checked.Count;

    public int EventsChecked => _events.Count(e => _checked.ContainsKey(e.Location.File + ":" + e.Class));

    public GccRecordCheck(string source, ScanResult result)
    {
        _source = source;
        _flags = RealKernelHeaders.GccFlags(source);
        _kbuild = new KbuildFlags(source);
        _events = result.Sites.Where(s => s.IsEvent && s.Class is not null && s.Fields.Count > 0 && s.ForcedConfig.Count == 0).ToList();
        // One record per event class, where the class is defined; its DEFINE_EVENTs share the record.
        _classes = _events.Where(s => Definers.Contains(s.Macro))
            .GroupBy(s => Path.Combine(source, s.Location.File))
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var definers = _classes.Values.SelectMany(c => c).GroupBy(c => (c.Location.File, c.Name)).ToDictionary(g => g.Key, g => g.First());
        foreach (TracepointSite e in _events)
        {
            if (definers.TryGetValue((e.Location.File, e.Class!), out var definer) && !definer.Fields.SequenceEqual(e.Fields))
                Failures.Add($"{e.Location}: {e.Name}: its fields are not those of its class {e.Class}");
        }
    }

    /// <summary>The tree's .c files that define CREATE_TRACE_POINTS, other architectures' left out.</summary>
    public static List<string> InstantiatingFiles(string source) =>
        Directory.EnumerateFiles(source, "*.c", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(source, f).StartsWith("arch/", StringComparison.Ordinal) || f.Contains("/arch/x86/", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("#define CREATE_TRACE_POINTS", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>Compiles the files (in parallel) with the assertions for the records each instantiates.</summary>
    public void Run(IReadOnlyList<string> files) =>
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, Check);

    private void Check(string file)
    {
        string rel = Path.GetRelativePath(_source, file);
        var module = _flags.Concat(_kbuild.For(Path.GetDirectoryName(rel)!, Path.GetFileNameWithoutExtension(file) + ".o"))
            .Append("-I" + Path.GetDirectoryName(file)).ToList();
        // A module's object first; a built-in one (module_init, __setup and core_param differ) when that does not compile.
        string? error = Check(file, rel, module);
        if (error is not null)
            error = Check(file, rel, [.. module.Where(f => f != "-DMODULE"), "-DKBUILD_MODFILE=\"layout_check\""]);
        if (error is not null)
            NotCompiled.Add($"{rel}: {error}");
    }

    /// <summary>Checks a file compiled with these arguments; returns why it does not compile, or null.</summary>
    private string? Check(string file, string rel, List<string> args)
    {
        var (code, _, includes) = Gcc.Run([.. args, "-E", "-H", "-o", "/dev/null", file]);
        if (code != 0)
            return $"does not preprocess: {FirstError(includes)}";
        var mine = IncludeTree.Instantiated(includes).Where(_classes.ContainsKey).SelectMany(h => _classes[h]).ToList();
        if (mine.Count == 0)
            return null;
        var text = new StringBuilder($"#include \"{file}\"\n#ifndef is_signed_type\n#define is_signed_type(type) (((type)(-1)) < (type)1)\n#endif\n");
        int n = 0, signs = 0, enums = 0;
        foreach (TracepointSite cls in mine)
        {
            foreach (EventField f in cls.Fields)
            {
                var (all, sign) = AppendAssertions(text, cls.Class!, f);
                n += all;
                signs += sign ? 1 : 0;
                enums += sign && (f.Type.Kind == CTypeKind.Enum || f.Type.Element?.Kind == CTypeKind.Enum) ? 1 : 0;
            }
        }
        var (_, _, error) = Gcc.Run([.. args, "-fsyntax-only", "-x", "c", "-"], text.ToString());
        string[] lines = text.ToString().Split('\n');
        var errors = error.Split('\n').Where(l => l.Contains("error:", StringComparison.Ordinal)).ToList();
        var ours = errors.Where(l => l.StartsWith("<stdin>:", StringComparison.Ordinal) && !l.StartsWith("<stdin>:1:", StringComparison.Ordinal)).ToList();
        if (errors.Count > ours.Count)
            return $"does not compile: {errors.First(e => !ours.Contains(e))}";
        foreach (string line in ours)
        {
            string message = line[(line.IndexOf("error:", StringComparison.Ordinal) + 7)..];
            if (int.TryParse(line.Split(':')[1], out int at) && at <= lines.Length)
                message += " -- " + lines[at - 1];
            Failures.Add($"{rel}: {message}");
        }
        foreach (TracepointSite cls in mine)
            _checked.TryAdd(Key(cls), true);
        Interlocked.Add(ref _assertions, n);
        Interlocked.Add(ref _signedness, signs);
        Interlocked.Add(ref _enums, enums);
        return null;
    }

    private static string Key(TracepointSite cls) => cls.Location.File + ":" + cls.Class;

    /// <summary>Appends gcc assertions for one field; returns how many, and whether one is of signedness.</summary>
    private static (int All, bool Signedness) AppendAssertions(StringBuilder sb, string cls, EventField f)
    {
        string s = $"struct trace_event_raw_{cls}";
        string member = f.Macro == "common" ? "ent." + f.Name["common_".Length..]
            : f.IsDataLoc ? (f.TypeSpelling.StartsWith("__rel_loc", StringComparison.Ordinal) ? "__rel_loc_" : "__data_loc_") + f.Name
            : f.Name;
        string access = $"(({s} *)0)->{member}";
        string tag = $"{cls}.{(f.Macro == "common" ? f.Name : member)}";
        sb.Append($"_Static_assert(__builtin_offsetof({s}, {member}) == {f.Offset}, \"{tag} offset {f.Offset}\");\n");
        sb.Append($"_Static_assert(sizeof({access}) == {f.Size}, \"{tag} size {f.Size}\");\n");
        // The type the kernel's format file takes is_signed_type of: the field's, an array's element, a __data_loc's element.
        string? type = f.IsDataLoc ? (f.Macro.EndsWith("cpumask", StringComparison.Ordinal) || !IsIntegerLike(f.Type) ? null : f.Type.Spelling)
            : f.ArrayLength is not null ? (f.Type.Element is { } e && IsIntegerLike(e) ? $"__typeof__({access}[0])" : null)
            : f.Macro.StartsWith("__field_struct", StringComparison.Ordinal) || !IsIntegerLike(f.Type) ? null
            : $"__typeof__({access})";
        if (type is null)
            return (2, false);
        int expected = f.IsSigned ? 1 : 0;
        sb.Append($"_Static_assert(is_signed_type({type}) == {expected}, \"{tag} signed {expected}\");\n");
        return (3, true);
    }

    private static bool IsIntegerLike(CType type) => type.Kind is CTypeKind.Integer or CTypeKind.Enum or CTypeKind.Bool or CTypeKind.Pointer;

    private static string FirstError(string stderr) =>
        stderr.Split('\n').FirstOrDefault(l => l.Contains("error:", StringComparison.Ordinal)) ?? stderr.Split('\n')[0];
}
