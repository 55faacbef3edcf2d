using Ltt.Probes.Generation;
using Ltt.Probes.Ids;
using Ltt.Probes.Spec;
using Ltt.Testing;
using Ltt.Tracepoints;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Tests.Kprobes;

/// <summary>
/// Kprobes generated for the functions of fixtures/functions (Ltt.Tracepoints.Tests): the handler's
/// C, ftrace's kprobe_events with libclang's offsets, and every kind of refusal named at its line.
/// </summary>
public sealed class KprobeGenerationTests
{
    private static readonly string Tree = RepoPaths.TestData("Ltt.Tracepoints.Tests", "fixtures", "functions");

    private static GeneratedOutput Generate(string spec, string target = "tracepoint")
    {
        var parsed = ProbeSpecParser.Parse(spec, "ltt/probes.spec");
        Assert.Empty(parsed.Diagnostics);
        var functions = ProbeGenerator.Functions(new ScanOptions { Tree = Tree }, parsed.Spec);
        return ProbeGenerator.Render(new ScanResult([], [], []), parsed, EventIdMap.Parse("", "ltt/event-ids"),
            GenerateFixture.Options with { Target = target, UpdateIds = true }, functions);
    }

    private static string Errors(GeneratedOutput output) =>
        string.Join("\n", output.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));

    [Fact]
    public void AKprobeReadsArgumentsFromRegistersAndMembersWithoutFaulting()
    {
        var output = Generate("kprobe demo_open -> fs.open: dfd, filename as string, how->flags, how->mode\nkretprobe demo_open -> fs.open_return: $retval\n");
        Assert.Equal("", Errors(output));
        string module = output.Files["probes/fs-kprobes.c"];
        Assert.Contains("\tint dfd = (int)regs_get_kernel_argument(regs, 0);", module);
        Assert.Contains("\tconst char __user *filename =\n\t\t\t(const char __user *)regs_get_kernel_argument(regs, 1);", module);
        Assert.Contains("\tif (copy_from_kernel_nofault(&ltt_v3, &how->flags, sizeof(ltt_v3)))", module);
        Assert.Contains("\tltt_serialize_user_string(ltt_payload, &ltt_len, filename, 0);", module);
        Assert.Contains("\ts64 retval = (s64)regs_return_value(regs);", module);
        Assert.Contains(".symbol_name = \"demo_open\",", module);
        Assert.Contains(".kp.symbol_name = \"demo_open\",", module);
        Assert.Contains("#include <linux/demo.h>", module);
        Assert.DoesNotContain(module.Split('\n'), line => CStyleColumns(line) > 80);
        Assert.Equal(
            "p:ltt/kprobe_demo_open demo_open dfd=$arg1:s32 filename=+0($arg2):ustring how_flags=+0($arg3):u64 how_mode=+8($arg3):u16\n" +
            "r64:ltt/kretprobe_demo_open demo_open retval=$retval:s64\n",
            output.Files["metadata/kprobe_events"]);
        Assert.Contains("obj-m += fs-kprobes.o", output.Files["probes/Kbuild"]);
        var events = output.Catalog!.Events;
        Assert.Equal(["kprobe_demo_open", "kretprobe_demo_open"], events.Select(e => e.Name));
        Assert.Equal("dfd %d filename %s how_flags %llu how_mode %hu", events[0].Format);
    }

    [Fact]
    public void MembersThroughAPointerAndCharArraysAreReadAsFtraceReadsThem()
    {
        var output = Generate("kprobe demo_wake -> sched.wake: p->pid, p->comm as string, p->how\n");
        Assert.Equal("", Errors(output));
        Assert.Equal("p:ltt/kprobe_demo_wake demo_wake p_pid=+0($arg1):s32 p_comm=+4($arg1):string p_how=+24($arg1):x64\n",
            output.Files["metadata/kprobe_events"]);
        Assert.Contains("\tltt_serialize_string(ltt_payload, &ltt_len, ltt_v2, 16);", output.Files["probes/sched-kprobes.c"]);
    }

    [Theory]
    [InlineData("kprobe demo_missing: a", "kprobe demo_missing: no function demo_missing in the tree (the tree defines no function of that name)")]
    [InlineData("kprobe demo_inline: x", "declared static inline")]
    [InlineData("kprobe demo_notrace: a", "declared notrace")]
    [InlineData("kprobe demo_nokprobe: a", "NOKPROBE_SYMBOL")]
    [InlineData("kprobe demo_setup:", "__init code")]
    [InlineData("kprobe demo_variadic: fmt", "takes a variable argument list")]
    [InlineData("kprobe demo_float: y", "parameter 'x' is a floating-point value")]
    [InlineData("kprobe demo_by_value: y", "parameter 'pair' is a struct demo_pair passed by value")]
    [InlineData("kprobe demo_seven: a1, a7", "'a7' is argument 7 of demo_seven: only the first 6 come in registers")]
    [InlineData("kprobe demo_open: dfd, flags", "has no parameter 'flags' (it has: dfd, filename, how)")]
    [InlineData("kprobe demo_open: how->nothing", "nothing")]
    [InlineData("kprobe demo_open: dfd as string", "'dfd' is int, not a C string")]
    [InlineData("kprobe demo_open: how->mode as string", "kprobe demo_open: 'how->mode' is unsigned short, not a C string")]
    [InlineData("kretprobe demo_void: $retval", "returns void: a kretprobe has no $retval to record")]
    public void WhatNoKprobeCanDoIsAnErrorNamingTheFunctionAtTheSpecLine(string statement, string message)
    {
        var output = Generate("# kprobes\n" + statement + "\n");
        var error = Assert.Single(output.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(message, error.Message);
        Assert.Equal(("ltt/probes.spec", 2), (error.Location.File, error.Location.Line));
        Assert.DoesNotContain(output.Files.Keys, f => f.EndsWith("-kprobes.c", StringComparison.Ordinal));
    }

    [Fact]
    public void KprobesNeedTheTracepointTarget()
    {
        var output = Generate("kprobe demo_open: dfd\n", target: "ltt-0.105");
        Assert.Contains("kprobes are generated for --target tracepoint", Errors(output));
        Assert.Empty(output.Files);
    }

    /// <summary>The column a line ends at, tabs to the next multiple of 8, as checkpatch counts.</summary>
    private static int CStyleColumns(string line)
    {
        int column = 0;
        foreach (char c in line)
            column = c == '\t' ? (column / 8 + 1) * 8 : column + 1;
        return column;
    }
}
