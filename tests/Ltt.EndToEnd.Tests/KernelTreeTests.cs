using System.Text.RegularExpressions;
using Ltt.EndToEnd.Tests.KernelTree;
using Ltt.Testing;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// kernel-tree/ is the input every tool is demonstrated on, so it must stay a tree the kernel's own build accepts:
/// every header and every .c compiles with gcc -nostdinc -Wall -Werror, every file has a maintainer, and the tree
/// keeps the cases the tools are meant to meet.
/// </summary>
public sealed class KernelTreeTests
{
    private static readonly string[] EventMacros =
    [
        "TRACE_EVENT", "TRACE_EVENT_CONDITION", "TRACE_EVENT_FN", "TRACE_EVENT_FN_COND", "DEFINE_EVENT", "DEFINE_EVENT_PRINT", "DEFINE_EVENT_CONDITION",
    ];

    public static TheoryData<string, KernelTreeVariant> SourceFiles()
    {
        var data = new TheoryData<string, KernelTreeVariant>();
        string root = RepoPaths.KernelTree;
        var headers = Directory.EnumerateFiles(Path.Combine(root, "include"), "*.h", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "arch"), "*.h", SearchOption.AllDirectories)
                .Where(f => Relative(f).Split('/') is [_, _, "include", ..]));
        foreach (string header in headers.Select(Relative).Order(StringComparer.Ordinal))
        {
            data.Add(header, KernelTreeVariant.Unconfigured);
            data.Add(header, KernelTreeVariant.Configured);
            if (header.StartsWith("include/trace/events/", StringComparison.Ordinal))
            {
                data.Add(header, KernelTreeVariant.CreateTracePoints);
                data.Add(header, KernelTreeVariant.CreateTracePointsConfigured);
            }
        }
        // ltt/userspace/ is the probes' userspace backend, built for the host with its libc (see its README).
        var sources = Directory.EnumerateFiles(root, "*.c", SearchOption.AllDirectories).Select(Relative)
            .Where(f => !f.StartsWith("ltt/userspace/", StringComparison.Ordinal));
        foreach (string source in sources.Order(StringComparer.Ordinal))
        {
            data.Add(source, KernelTreeVariant.Unconfigured);
            data.Add(source, KernelTreeVariant.Configured);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void FileCompilesWithTheKernelFlags(string file, KernelTreeVariant variant)
    {
        GccOutcome outcome = KernelTreeGcc.Compile(file, variant);

        Assert.True(outcome.ExitCode == 0,
            $"gcc rejected {file} ({variant}), exit {outcome.ExitCode}:\n{outcome.CommandLine}\n{outcome.Stderr}");
    }

    [Fact]
    public void GccChecksTraceMarkFormatsAgainstTheirArguments()
    {
        // The marker format is printf-checked: a site whose arguments disagree with its format must not compile.
        string dir = Directory.CreateTempSubdirectory("ltt-kernel-tree-").FullName;
        try
        {
            string bad = Path.Combine(dir, "bad_marker.c");
            File.WriteAllText(bad, """
                // SPDX-License-Identifier: GPL-2.0
                #include <linux/marker.h>

                void f(long code)
                {
                	trace_mark(kernel, bad_format, "code %s", code);
                }
                """);

            GccOutcome outcome = KernelTreeGcc.Compile(bad, KernelTreeVariant.Unconfigured);

            Assert.NotEqual(0, outcome.ExitCode);
            Assert.Contains("format", outcome.Stderr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void MaintainersCoversEveryFileOfTheTree()
    {
        IReadOnlyList<MaintainersSection> sections = MaintainersFile.Read(Path.Combine(RepoPaths.KernelTree, "MAINTAINERS"));
        var specific = sections.Where(s => s.Name != "THE REST").ToArray();

        // MAINTAINERS itself belongs to THE REST only, as in the real file; so does the tracer core in ltt/
        // until the sample patchset adds its LTT section.
        static bool RestOnly(string f) => f == "MAINTAINERS" || f.StartsWith("ltt/", StringComparison.Ordinal);
        string[] files = TreeFiles().ToArray();
        var uncovered = files.Where(f => !RestOnly(f) && !specific.Any(s => s.Covers(f))).ToArray();

        Assert.True(uncovered.Length == 0, "files with no section but THE REST:\n" + string.Join('\n', uncovered));
        Assert.Equal("THE REST", sections[^1].Name);
        Assert.All(files.Where(RestOnly), f => Assert.True(sections[^1].Covers(f), f));
    }

    [Fact]
    public void MaintainersIsSortedAndItsPatternsAllMatchSomething()
    {
        IReadOnlyList<MaintainersSection> sections = MaintainersFile.Read(Path.Combine(RepoPaths.KernelTree, "MAINTAINERS"));
        string[] names = sections.Select(s => s.Name).SkipLast(1).ToArray();
        string[] files = TreeFiles().ToArray();

        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
        var dead = sections
            .SelectMany(s => s.Entries.Where(e => e.Tag is 'F' or 'X').Select(e => (Section: s.Name, e.Tag, Pattern: e.Value)))
            .Where(p => !files.Any(f => MaintainersFile.PatternMatches(p.Pattern, f)))
            .Select(p => $"{p.Section}: {p.Tag}: {p.Pattern}")
            .ToArray();
        Assert.True(dead.Length == 0, "patterns matching no file:\n" + string.Join('\n', dead));
    }

    [Fact]
    public void MaintainersUsesEveryTagAndStatusOfTheRealFormat()
    {
        IReadOnlyList<MaintainersSection> sections = MaintainersFile.Read(Path.Combine(RepoPaths.KernelTree, "MAINTAINERS"));
        var tags = sections.SelectMany(s => s.Entries).Select(e => e.Tag).ToHashSet();
        var statuses = sections.SelectMany(s => s.Values('S')).ToHashSet();

        Assert.Equal("BCFKLMNPQRSTWX", string.Concat(tags.Order()));
        Assert.Superset(new HashSet<string> { "Maintained", "Supported", "Odd Fixes", "Orphan", "Obsolete" }, statuses);
        Assert.True(sections.Count >= 30, $"{sections.Count} sections");
        Assert.Contains(sections.SelectMany(s => s.Values('L')), l => l.EndsWith("(moderated for non-subscribers)", StringComparison.Ordinal));
        Assert.All(sections.SelectMany(s => s.Values('M').Concat(s.Values('R'))),
            address => Assert.Matches(@"@example\.org>?$", address));
    }

    [Fact]
    public void TreeKeepsTheTracepointAndEventCasesTheToolsMeet()
    {
        string root = RepoPaths.KernelTree;
        string traceHeaders = string.Concat(Directory.GetFiles(Path.Combine(root, "include", "trace"), "*.h").Select(File.ReadAllText));
        string eventHeaders = string.Concat(Directory.GetFiles(Path.Combine(root, "include", "trace", "events"), "*.h")
            .Append(Path.Combine(root, "fs", "ext4", "ext4_trace.h"))
            .Select(File.ReadAllText));

        int Sites(string text, string macro) => Regex.Count(text, $@"^{macro}\(", RegexOptions.Multiline);

        Assert.True(Sites(traceHeaders, "DECLARE_TRACE") + Sites(traceHeaders, "DECLARE_TRACE_CONDITION") >= 40);
        int events = EventMacros.Sum(m => Sites(eventHeaders, m));
        Assert.True(events >= 25, $"{events} events");
        foreach (string field in new[] { "__field", "__field_ext", "__field_struct", "__array", "__dynamic_array", "__string", "__bitmask" })
            Assert.Matches($@"\b{field}\(", eventHeaders);
    }

    private static IEnumerable<string> TreeFiles() =>
        Directory.EnumerateFiles(RepoPaths.KernelTree, "*", SearchOption.AllDirectories).Select(Relative);

    private static string Relative(string path) =>
        Path.GetRelativePath(RepoPaths.KernelTree, path).Replace('\\', '/');
}
