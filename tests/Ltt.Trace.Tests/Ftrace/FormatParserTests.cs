using Ltt.Testing;
using Ltt.Trace.Ftrace;
using Ltt.Trace.Reader;

namespace Ltt.Trace.Tests.Ftrace;

/// <summary>The format-file parser on files copied from a real 6.1 tracefs, and on the spellings real kernels use.</summary>
public sealed class FormatParserTests
{
    private static FtraceEventFormat Real(string system, string name)
    {
        string dir = RepoPaths.TestData("data", "ftrace", "basic", "events", system, name);
        var diagnostics = new List<TraceDiagnostic>();
        var format = FtraceFormatParser.ParseEvent(File.ReadAllText(Path.Combine(dir, "format")), "format", system, 8, diagnostics);
        Assert.Empty(diagnostics);
        return format!;
    }

    private static string Describe(FtraceField f) =>
        $"{f.Name} {f.Kind} {f.Type} @{f.Offset}+{f.Size} {(f.Signed ? "s" : "u")}{f.ElementSize}x{f.Length}{(f.IsText ? " text" : "")}";

    [Fact]
    public void SchedSwitchHasCharArraysAndScalars()
    {
        var format = Real("sched", "sched_switch");
        Assert.Equal(("sched", "sched_switch"), (format.System, format.Name));
        Assert.Equal(
        [
            "prev_comm Array char @8+16 s1x16 text",
            "prev_pid Scalar pid_t @24+4 s4x0",
            "prev_prio Scalar int @28+4 s4x0",
            "prev_state Scalar long @32+8 s8x0",
            "next_comm Array char @40+16 s1x16 text",
            "next_pid Scalar pid_t @56+4 s4x0",
            "next_prio Scalar int @60+4 s4x0",
        ], format.Payload.Select(Describe));
        Assert.Equal(4, format.Fields.Count(f => f.IsCommon));
        Assert.Equal(64, format.MinimumRecordSize);
        Assert.StartsWith("\"prev_comm=%s prev_pid=%d", format.PrintFormat);
    }

    [Fact]
    public void DynamicStringsNumericArraysAndTrailingText()
    {
        Assert.Equal("filename DynamicArray char @8+4 s1x0 text", Describe(Real("sched", "sched_process_exec").Find("filename")!));
        Assert.Equal("args Array unsigned long @16+48 u8x6", Describe(Real("raw_syscalls", "sys_enter").Find("args")!));
        Assert.Equal("buf TrailingArray char @16+0 s1x0 text", Describe(Real("ftrace", "print").Find("buf")!));
    }

    [Theory]
    [InlineData("field:__data_loc unsigned long[] cpumask;\toffset:8;\tsize:4;\tsigned:0;", "cpumask DynamicArray unsigned long @8+4 u8x0")]
    [InlineData("field:__rel_loc char[] name;\toffset:12;\tsize:4;\tsigned:1;", "name RelativeDynamicArray char @12+4 s1x0 text")]
    [InlineData("field:__u8 saddr[sizeof(struct sockaddr_in6)];\toffset:8;\tsize:28;\tsigned:0;", "saddr Array __u8 @8+28 u1x28")]
    [InlineData("field:u32 ids[4];\toffset:8;\tsize:16;\tsigned:0;", "ids Array u32 @8+16 u4x4")]
    [InlineData("field:const char * name;\toffset:8;\tsize:8;\tsigned:0;", "name Scalar const char * @8+8 u8x0")]
    [InlineData("field:struct timespec64 ts;\toffset:8;\tsize:16;\tsigned:0;", "ts Array struct timespec64 @8+16 u1x16")]
    public void FieldSpellings(string line, string expected)
    {
        var diagnostics = new List<TraceDiagnostic>();
        var format = FtraceFormatParser.ParseEvent($"name: x\nID: 1\nformat:\n\t{line}\n\nprint fmt: \"\"\n", "f", "s", 8, diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(expected, Describe(Assert.Single(format!.Fields)));
    }

    [Fact]
    public void APrintFormatWithNewlinesInsideItsStringRunsToTheEndOfTheFile()
    {
        // mmap/exit_mmap as Debian's 6.1 tracefs shows it: the TP_printk string ends in "\n",
        // printed as a real newline.
        const string text = "name: exit_mmap\nID: 589\nformat:\n" +
            "\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n" +
            "\tfield:struct maple_tree * mt;\toffset:16;\tsize:8;\tsigned:0;\n\n" +
            "print fmt: \"mt_mod %p, DESTROY\n\", REC->mt\n";
        var diagnostics = new List<TraceDiagnostic>();
        var format = FtraceFormatParser.ParseEvent(text, "f", "mmap", 8, diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal("\"mt_mod %p, DESTROY\n\", REC->mt", format!.PrintFormat);
        Assert.Equal(["mt"], format.Payload.Select(f => f.Name));
    }

    [Fact]
    public void HeaderPageGivesThePageLayout()
    {
        var diagnostics = new List<TraceDiagnostic>();
        var header = FtraceFormatParser.ParseHeaderPage(
            File.ReadAllText(RepoPaths.TestData("data", "ftrace", "basic", "events", "header_page")), "header_page", diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(FtracePageHeader.Default64, header);
        Assert.Equal(4096, header!.PageSize);
    }

    [Theory]
    [InlineData("name: x\nID: 1\nformat:\n\tfield:int a;\toffset:8;\n", "f:4: format: field line lacks field:, offset: or size:")]
    [InlineData("name: x\nID: one\n", "f:2: format: ID 'one' is not a number")]
    [InlineData("name: x\nID: 1\nformat:\n\tfield:int a;\toffset:8;\tsize:4;\n\tfield:int a;\toffset:12;\tsize:4;\n", "f:5: format: field 'a' is declared twice")]
    [InlineData("name: x\nID: 1\nbogus\n", "f:3: format: unexpected line 'bogus' (expected name:, ID:, format:, field: or print fmt:)")]
    [InlineData("name: x\nID: 1\nformat:\n\tfield:__data_loc char[] s;\toffset:8;\tsize:8;\n", "f:4: format: __data_loc field 's' has size 8, expected 4")]
    public void BadFormatFilesNameTheLine(string text, string expected)
    {
        var diagnostics = new List<TraceDiagnostic>();
        Assert.Null(FtraceFormatParser.ParseEvent(text, "f", "s", 8, diagnostics));
        Assert.Equal(expected, Assert.Single(diagnostics).ToString());
    }
}
