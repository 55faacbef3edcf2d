using System.Text;
using System.Text.RegularExpressions;
using Ltt.Series.Kinds;
using Ltt.Series.Patches;
using Ltt.Series.Tests.Support;

namespace Ltt.Series.Tests.Kinds;

/// <summary>
/// Kinds on the real 6.1 tree: the 60 patches the parity tests route (RealKernel/make-patches.sh,
/// each patch's kind written down here), and the kernel's own instrumentation: every trace
/// header of include/trace/events added as a new file, and every trace_*() call of some core
/// files removed with its context, must read as instrumentation, and the same hunks with one
/// line of real code changed as infrastructure.
/// </summary>
[Collection(RealKernelCollection.Name)]
public sealed partial class RealKernelKindTests(RealKernel kernel)
{
    private const string Comments = "changes only comments or blank lines of ";

    /// <summary>Patch number (make-patches.sh cycles its kinds of change by tens), kind, reason.</summary>
    private static readonly (int Number, PatchKind Kind, string Reason)[] Expected =
    [
        (1, PatchKind.Infrastructure, Comments + "Documentation/Kconfig"),
        (2, PatchKind.Infrastructure, Comments + "Documentation/devicetree/bindings/cpufreq/cpufreq-qcom-hw.yaml"),
        (3, PatchKind.Infrastructure, Comments + "Documentation/devicetree/bindings/memory-controllers/brcm,dpfe-cpu.yaml"),
        (4, PatchKind.Infrastructure, Comments + "Documentation/devicetree/bindings/sound/cirrus,cs4234.yaml"),
        (5, PatchKind.Infrastructure, "changes Documentation/hwmon/nct6683.rst beyond instrumentation: '-Usage Note'"),
        (6, PatchKind.Infrastructure, Comments + "Documentation/translations/zh_CN/devicetree/kernel-api.rst"),
        (7, PatchKind.NewCode, "only adds files: arch/arc/include/asm/ltt-fw-6.bin"),
        (8, PatchKind.Infrastructure, "renames arch/arm/mach-omap2/clockdomains2430_data.c to arch/arm/mach-omap2/clockdomains2430_data-renamed.c"),
        (9, PatchKind.Infrastructure, "changes the mode of arch/arm64/include/asm/image.h (100644 to 100755)"),
        (10, PatchKind.Infrastructure, Comments + "arch/loongarch/pci/pci.c"),
        (11, PatchKind.Infrastructure, Comments + "arch/mips/include/asm/mips-boards/malta.h"),
        (12, PatchKind.Infrastructure, Comments + "arch/parisc/kernel/compat_audit.c"),
        (13, PatchKind.Infrastructure, Comments + "arch/powerpc/perf/callchain.h"),
        (14, PatchKind.Infrastructure, Comments + "arch/s390/kernel/smp.c"),
        (15, PatchKind.Infrastructure, "changes arch/sparc/kernel/leon_smp.c beyond instrumentation: '- first = 0;'"),
        (16, PatchKind.Infrastructure, Comments + "arch/x86/include/uapi/asm/ucontext.h"),
        (17, PatchKind.NewCode, "only adds files: crypto/ltt-helper-16.c"),
        (18, PatchKind.Infrastructure, "renames drivers/char/tpm/tpm-dev.h to drivers/char/tpm/tpm-dev-renamed.h"),
        (19, PatchKind.Infrastructure, "changes the mode of drivers/clk/versatile/clk-sp810.c (100644 to 100755)"),
        (20, PatchKind.Infrastructure, Comments + "drivers/dma/ioat/dca.c"),
        (21, PatchKind.Infrastructure, Comments + "drivers/gpu/drm/amd/amdgpu/vce_v4_0.c"),
        (22, PatchKind.Infrastructure, Comments + "drivers/gpu/drm/amd/include/asic_reg/mp/mp_13_0_5_offset.h"),
        (23, PatchKind.Infrastructure, Comments + "drivers/gpu/drm/i915/display/intel_sdvo.c"),
        (24, PatchKind.Infrastructure, Comments + "drivers/gpu/drm/nouveau/include/nvif/if000a.h"),
        (25, PatchKind.Infrastructure, Comments + "drivers/gpu/drm/pl111/pl111_nomadik.c"),
        (26, PatchKind.Infrastructure, Comments + "drivers/hwmon/adm1025.c"),
        (27, PatchKind.NewCode, "only adds files: drivers/iio/potentiometer/ltt-fw-26.bin"),
        (28, PatchKind.Infrastructure, "renames drivers/input/touchscreen/mk712.c to drivers/input/touchscreen/mk712-renamed.c"),
        (29, PatchKind.Infrastructure, "changes the mode of drivers/media/dvb-frontends/s5h1411.c (100644 to 100755)"),
        (30, PatchKind.Infrastructure, Comments + "drivers/media/platform/samsung/s3c-camif/camif-regs.c"),
        (31, PatchKind.Infrastructure, Comments + "drivers/memory/fsl_ifc.c"),
        (32, PatchKind.Infrastructure, Comments + "drivers/mmc/host/meson-mx-sdhc.h"),
        (33, PatchKind.Infrastructure, Comments + "drivers/net/ethernet/cavium/liquidio/octeon_mem_ops.h"),
        (34, PatchKind.Infrastructure, Comments + "drivers/net/ethernet/mellanox/mlx5/core/en/rep/bond.c"),
        (35, PatchKind.Infrastructure, "changes drivers/net/ethernet/synopsys/dwc-xlgmac-reg.h beyond instrumentation: '-#define MTL_OMR 0x1000'"),
        (36, PatchKind.Infrastructure, Comments + "Documentation/translations/zh_CN/devicetree/dynamic-resolution-notes.rst"),
        (37, PatchKind.NewCode, "only adds files: drivers/net/wireless/realtek/rtw89/ltt-helper-36.c"),
        (38, PatchKind.Infrastructure, "renames drivers/phy/samsung/phy-samsung-ufs.c to drivers/phy/samsung/phy-samsung-ufs-renamed.c"),
        (39, PatchKind.Infrastructure, "changes the mode of drivers/rapidio/rio-scan.c (100644 to 100755)"),
        (40, PatchKind.Infrastructure, Comments + "drivers/scsi/hosts.c"),
        (41, PatchKind.Infrastructure, Comments + "drivers/staging/iio/meter/ade7854-i2c.c"),
        (42, PatchKind.Infrastructure, Comments + "drivers/staging/rtl8192u/Kconfig"),
        (43, PatchKind.Infrastructure, Comments + "drivers/usb/gadget/function/u_uac1_legacy.h"),
        (44, PatchKind.Infrastructure, Comments + "drivers/video/fbdev/via/global.c"),
        (45, PatchKind.Infrastructure, "changes fs/hpfs/Kconfig beyond instrumentation: '- is the file system used for organizing files on OS/2 ha...'"),
        (46, PatchKind.Infrastructure, Comments + "arch/x86/include/uapi/asm/svm.h"),
        (47, PatchKind.NewCode, "only adds files: include/dt-bindings/mfd/ltt-fw-46.bin"),
        (48, PatchKind.Infrastructure, "renames include/linux/inetdevice.h to include/linux/inetdevice-renamed.h"),
        (49, PatchKind.Infrastructure, "changes the mode of include/linux/pm_clock.h (100644 to 100755)"),
        (50, PatchKind.Infrastructure, Comments + "include/net/mptcp.h"),
        (51, PatchKind.Infrastructure, Comments + "include/uapi/linux/mroute.h"),
        (52, PatchKind.Infrastructure, Comments + "kernel/sched/swait.c"),
        (53, PatchKind.Infrastructure, Comments + "net/bridge/br_vlan_options.c"),
        (54, PatchKind.Infrastructure, Comments + "net/rds/info.c"),
        (55, PatchKind.Infrastructure, Comments + "sound/core/compress_offload.c"),
        (56, PatchKind.Infrastructure, Comments + "drivers/hwmon/adcxx.c"),
        (57, PatchKind.NewCode, "only adds files: sound/soc/sunxi/ltt-helper-56.c"),
        (58, PatchKind.Infrastructure, "renames tools/perf/dlfilters/dlfilter-test-api-v0.c to tools/perf/dlfilters/dlfilter-test-api-v0-renamed.c"),
        (59, PatchKind.Infrastructure, "changes the mode of tools/testing/selftests/bpf/prog_tests/sockopt_qos_to_cc.c (100644 to 100755)"),
        (60, PatchKind.Infrastructure, "deletes tools/testing/selftests/kvm/x86_64/svm_vmcall_test.c"),
    ];

    [Fact]
    public void Every_real_patch_has_its_kind_and_reason()
    {
        var set = PatchSetLoader.Load(kernel.PatchDirectory);
        Assert.False(set.HasErrors, string.Join("\n", set.Diagnostics));
        var verdicts = PatchClassifier.Classify(set.Patches);
        Assert.Equal(Expected.Length, verdicts.Count);
        var wrong = Expected.Where(e => (verdicts[e.Number - 1].Kind, verdicts[e.Number - 1].Reason) != (e.Kind, e.Reason))
            .Select(e => $"{e.Number}: expected {e.Kind} '{e.Reason}', got {verdicts[e.Number - 1].Kind} '{verdicts[e.Number - 1].Reason}'").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>
    /// Each header of include/trace/events added as a new file is a trace header where it
    /// belongs, and also under a driver's folder with "trace" in its name when it defines
    /// tracepoints (recognised by them, not by its folder); with those definitions taken out it is not one.
    /// </summary>
    [Fact]
    public void Every_real_trace_header_added_as_a_new_file_is_instrumentation()
    {
        var headers = Directory.GetFiles(Path.Combine(kernel.Tree, "include", "trace", "events"), "*.h").Order(StringComparer.Ordinal).ToList();
        Assert.True(headers.Count > 100, $"only {headers.Count} trace headers");
        var wrong = new List<string>();
        foreach (string header in headers)
        {
            var lines = File.ReadAllLines(header);
            string name = Path.GetFileNameWithoutExtension(header);
            // mmflags.h and net_probe_common.h only hold helpers for the others: trace headers by their folder alone.
            bool defines = lines.Any(l => Definition().IsMatch(l));
            foreach (string path in defines ? new[] { $"include/trace/events/{name}.h", $"drivers/example/{name}_trace.h" } : [$"include/trace/events/{name}.h"])
            {
                var verdict = PatchClassifier.Classify([Patch(path, NewFile(path, lines))])[0];
                if (verdict.Kind != PatchKind.Instrumentation)
                    wrong.Add($"{path}: {verdict.Kind} ({verdict.Reason})");
            }
            var plain = lines.Where(l => !Definition().IsMatch(l)).ToArray();
            string renamed = $"drivers/example/{name}_trace.h";
            if (PatchClassifier.Classify([Patch(renamed, NewFile(renamed, plain))])[0].Kind != PatchKind.NewCode)
                wrong.Add($"{renamed} without its definitions: still read as a trace header");
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} wrong ({headers.Count} trace headers):\n" + string.Join("\n", wrong));
    }

    private static string NewFile(string path, string[] lines)
    {
        var diff = new StringBuilder($"diff --git a/{path} b/{path}\nnew file mode 100644\n--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{lines.Length} @@\n");
        foreach (string line in lines)
            diff.Append('+').Append(line).Append('\n');
        return diff.ToString();
    }

    /// <summary>Files of the 6.1 tree full of trace calls: the scheduler, the block layer, ext4, the page allocator, the network core.</summary>
    public static readonly TheoryData<string> InstrumentedFiles = new()
    {
        "kernel/sched/core.c", "block/blk-mq.c", "fs/ext4/inode.c", "mm/page_alloc.c", "net/core/dev.c", "kernel/workqueue.c",
    };

    [Theory]
    [MemberData(nameof(InstrumentedFiles))]
    public void Real_trace_calls_removed_are_instrumentation_and_a_code_line_beside_them_is_not(string path)
    {
        var lines = File.ReadAllLines(Path.Combine(kernel.Tree, path));
        int calls = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            if (!TraceCall().IsMatch(lines[i]))
                continue;
            int end = i;
            for (int open = InstrumentationLines.ParenBalance(lines[i].Trim()); open > 0 && end + 1 < lines.Length; )
                open += InstrumentationLines.ParenBalance(lines[++end].Trim());
            int from = Math.Max(0, i - 3), to = Math.Min(lines.Length - 1, end + 3);
            var verdict = PatchClassifier.Classify([Patch(path, Hunk(path, lines, from, to, i, end, extra: null))])[0];
            Assert.True(verdict.Kind == PatchKind.Instrumentation, $"{path}:{i + 1} '{lines[i].Trim()}': {verdict.Kind} ({verdict.Reason})");
            // The same hunk also removing a line of code after the call is no longer instrumentation.
            int code = Enumerable.Range(end + 1, Math.Max(0, to - end)).FirstOrDefault(k => IsCode(lines[k]), -1);
            if (code > 0)
            {
                var mixed = PatchClassifier.Classify([Patch(path, Hunk(path, lines, from, to, i, end, extra: code))])[0];
                Assert.True(mixed.Kind == PatchKind.Infrastructure, $"{path}:{code + 1} '{lines[code].Trim()}' removed beside a trace call: {mixed.Kind}");
            }
            calls++;
            i = end;
        }
        Assert.True(calls >= 3, $"only {calls} trace calls in {path}");
    }

    private static bool IsCode(string line)
    {
        string t = line.Trim();
        return t.Length > 2 && !t.StartsWith("/*", StringComparison.Ordinal) && !t.StartsWith('*') && !t.StartsWith("//", StringComparison.Ordinal)
            && !TraceCall().IsMatch(line) && t is not ("{" or "}") && !t.StartsWith('#');
    }

    /// <summary>A hunk of lines [from, to] removing lines [first, last] (and <paramref name="extra"/>), the rest as context.</summary>
    private static string Hunk(string path, string[] lines, int from, int to, int first, int last, int? extra)
    {
        int removed = last - first + 1 + (extra is null ? 0 : 1);
        int count = to - from + 1;
        var text = new StringBuilder($"diff --git a/{path} b/{path}\nindex 1111111..2222222 100644\n--- a/{path}\n+++ b/{path}\n@@ -{from + 1},{count} +{from + 1},{count - removed} @@\n");
        for (int k = from; k <= to; k++)
            text.Append((k >= first && k <= last) || k == extra ? '-' : ' ').Append(lines[k]).Append('\n');
        return text.ToString();
    }

    private static Patch Patch(string path, string diff)
    {
        var diagnostics = new List<Diagnostic>();
        var diffs = DiffParser.Parse(path, diff.Split('\n')[..^1], 0, 0, diagnostics);
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
        return new Patch
        {
            Source = path, AuthorName = "Ada", AuthorEmail = "ada@example.org", Date = DateTimeOffset.UnixEpoch,
            Title = "test", Body = "", Diffs = diffs, Text = diff,
        };
    }

    [GeneratedRegex(@"^\s*trace_\w+\(")]
    private static partial Regex TraceCall();

    [GeneratedRegex(@"^\s*(?:DECLARE_TRACE|TRACE_EVENT|DECLARE_EVENT_CLASS|DEFINE_EVENT)\w*\s*\(")]
    private static partial Regex Definition();
}
