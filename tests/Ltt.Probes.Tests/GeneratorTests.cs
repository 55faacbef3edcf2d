using Ltt.Validation.Harness;
using Ltt.Probes.Generation;
using Ltt.Testing;
using Ltt.Tracepoints;

namespace Ltt.Probes.Tests;

public sealed class GeneratorTests
{
    [Fact]
    public void SameInputSameBytes()
    {
        var first = GenerateFixture.Generate();
        var second = GenerateFixture.Generate();

        Assert.Equal(first.Files.Keys, second.Files.Keys);
        foreach (var (path, text) in first.Files)
            Assert.Equal(text, second.Files[path]);
    }

    [Fact]
    public void GeneratedCFilesAreKernelStyle()
    {
        var output = GenerateFixture.Generate();

        foreach (var (path, text) in output.Files.Where(f => f.Key.EndsWith(".c", StringComparison.Ordinal)))
        {
            Assert.StartsWith("// SPDX-License-Identifier: GPL-2.0\n", text);
            Assert.Contains("do not edit", text, StringComparison.OrdinalIgnoreCase);
            foreach (var (line, number) in text.Split('\n').Select((l, i) => (l, i + 1)))
            {
                Assert.False(line.EndsWith(' ') || line.EndsWith('\t'), $"{path}:{number}: trailing white space");
                Assert.False(line.StartsWith("    ", StringComparison.Ordinal), $"{path}:{number}: indented with spaces");
                bool stringOnly = line.TrimStart('\t').StartsWith('"');
                Assert.True(stringOnly || Rendering.CStyle.Columns(line) <= 80, $"{path}:{number}: {Rendering.CStyle.Columns(line)} columns: {line}");
            }
        }
        Assert.Contains("include/trace/sched.h:27", output.Files["probes/kernel-trace.c"]);
    }

    [Fact]
    public void ABrokenTemplateIsReportedUnderItsNameAndLine()
    {
        using var templates = new TempDir();
        Directory.CreateDirectory(Path.Combine(templates.Path, "probes", "ltt-0.105"));
        Directory.CreateDirectory(Path.Combine(templates.Path, "metadata"));
        File.WriteAllText(Path.Combine(templates.Path, "probes", "ltt-0.105", "module.c.sbn"), "line one\n{{ for e in module.events }}\nno end\n");

        var output = GenerateFixture.Generate(options: GenerateFixture.Options with { TemplatesRoot = templates.Path });

        Assert.True(output.HasErrors);
        Assert.Empty(output.Files);
        var error = Assert.Single(output.TemplateErrors.DistinctBy(e => e.Template));
        Assert.Equal("probes/ltt-0.105/module.c.sbn", error.Template);
        Assert.True(error.Line >= 2, error.ToString());
    }

    [Fact]
    public void ARenderErrorNamesTheTemplateLine()
    {
        using var templates = new TempDir();
        Directory.CreateDirectory(Path.Combine(templates.Path, "probes", "ltt-0.105"));
        Directory.CreateDirectory(Path.Combine(templates.Path, "metadata"));
        File.WriteAllText(Path.Combine(templates.Path, "probes", "ltt-0.105", "module.c.sbn"), "ok\n{{ module.no_such_member.x }}\n");

        var output = GenerateFixture.Generate(options: GenerateFixture.Options with { TemplatesRoot = templates.Path });

        var error = Assert.Single(output.TemplateErrors.DistinctBy(e => e.Template));
        Assert.Equal(("probes/ltt-0.105/module.c.sbn", 2), (error.Template, error.Line));
    }

    [Fact]
    public void CheckNamesTheFilesThatDrifted()
    {
        var output = GenerateFixture.Generate();
        using var dir = new TempDir();
        Assert.Null(OutputFolder.Write(dir.Path, output.Files));
        Assert.Empty(OutputFolder.Drift(dir.Path, output.Files));

        File.AppendAllText(Path.Combine(dir.Path, "probes", "kernel-trace.c"), "/* edited */\n");
        File.Delete(Path.Combine(dir.Path, "metadata", "events.json"));
        File.WriteAllText(Path.Combine(dir.Path, "probes", "stale-trace.c"), "");

        Assert.Equal(
            ["metadata/events.json: missing", "probes/kernel-trace.c: differs", "probes/stale-trace.c: not generated any more"],
            OutputFolder.Drift(dir.Path, output.Files).Select(d => d.ToString()));
    }

    [Fact]
    public void EveryModuleOfTheKernelTreeCompilesWithWarningsAsErrors()
    {
        var output = ProbeGenerator.Generate(new ScanOptions { Tree = RepoPaths.KernelTree }, GenerateFixture.Options);
        Assert.False(output.HasErrors, string.Join("\n", output.Diagnostics));
        using var dir = new TempDir();
        Assert.Null(OutputFolder.Write(dir.Path, output.Files));
        var include = HarnessBuilder.GccInclude();
        Assert.True(include.Success, "gcc is needed (bash .ci/install): " + include.Error);

        var modules = Directory.GetFiles(Path.Combine(dir.Path, "probes"), "*.c");
        Assert.True(modules.Length >= 2);
        foreach (string module in modules)
        {
            var run = HarnessBuilder.CompileModule(module, module + ".o", RepoPaths.KernelTree, include.Output.Trim(), []);
            Assert.True(run.Success && run.Error.Length == 0, $"{Path.GetFileName(module)}:\n{run.Command}\n{run.Error}");
        }
    }
}
