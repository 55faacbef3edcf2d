using Ltt.Series.Kinds;
using Ltt.Series.Patches;
using Ltt.Testing;

namespace Ltt.Series.Tests.Kinds;

/// <summary>
/// The kind of every patch of the sample patchset (patches/), decided by hand from its diff
/// and written down here with the reason the classifier must give.
/// </summary>
public sealed class SamplePatchKindTests
{
    private const PatchKind New = PatchKind.NewCode, Instr = PatchKind.Instrumentation, Infra = PatchKind.Infrastructure;
    private const string OnlyTrace = "only tracepoints, trace calls, marker sites and their includes in ";

    /// <summary>Patch number, kind, reason.</summary>
    public static readonly TheoryData<int, PatchKind, string> Expected = new()
    {
        // Markers and immediate values: code in kernel/marker.c and the headers of others.
        { 1, Infra, "changes kernel/marker.c beyond instrumentation: '+int marker_probe_unregister_private_data(marker_probe_fu...'" },
        { 2, New, "only adds files: include/linux/immediate.h" },
        { 3, Infra, "changes include/linux/marker.h beyond instrumentation: '+#include <linux/immediate.h>'" },
        { 4, Infra, "changes include/linux/marker.h beyond instrumentation: '+extern void marker_probe_cb_multi(const struct marker *m...'" },
        { 5, Infra, "changes include/linux/module.h beyond instrumentation: '+struct marker_iter;'" },
        // Module list, seq_file helpers, a kallsyms export: the thread's "changes to core kernel infrastructure".
        { 6, Infra, "changes include/linux/module.h beyond instrumentation: '+extern void list_modules(void (*fn)(struct module *mod, ...'" },
        { 7, Infra, "changes fs/seq_file.c beyond instrumentation: '+struct list_head *seq_sorted_list_start(struct list_head...'" },
        { 8, Infra, "changes fs/seq_file.c beyond instrumentation: '+int seq_write(struct seq_file *m, const void *data, size...'" },
        { 9, Infra, "changes kernel/kallsyms.c beyond instrumentation: '+EXPORT_SYMBOL_GPL(kallsyms_lookup);'" },
        // The tracer core: new files only.
        { 10, New, "only adds files: include/linux/ltt-core.h, ltt/ltt-core.c" },
        { 11, New, "only adds files: include/linux/ltt-relay.h, ltt/ltt-relay-alloc.c" },
        { 12, New, "only adds files: include/linux/ltt-channels.h, ltt/ltt-channels.c" },
        { 13, New, "only adds files: include/linux/ltt-tracer.h, ltt/ltt-tracer.c" },
        { 14, New, "only adds files: include/linux/ltt-type-serializer.h, ltt/ltt-serialize.c" },
        { 15, New, "only adds files: ltt/ltt-marker-control.c" },
        // Hooking ltt/ into the top Makefile and init/Kconfig changes other people's build files.
        { 16, Infra, "changes Makefile beyond instrumentation: '-core-y := kernel/ mm/ fs/ block/ init/'" },
        { 17, New, "adds ltt/ltt-userspace-event.c; otherwise changes only files the set created: ltt/Kconfig, ltt/Makefile (patch 16)" },
        { 18, New, "only changes files the set created: ltt/ltt-relay-alloc.c (patch 11)" },
        // ext4: 19 and 20 add functions besides their tracepoints; 21 only changes a tracepoint and its call.
        { 19, Infra, "changes fs/ext4/inode.c beyond instrumentation: '+static int ext4_journalled_write_end(struct file *file,'" },
        { 20, Infra, "changes fs/ext4/mballoc.c beyond instrumentation: '+static unsigned int ext4_mb_release_pa(struct ext4_alloc...'" },
        { 21, Instr, OnlyTrace + "fs/ext4/inode.c, include/trace/ext4.h" },
        { 22, Infra, "changes fs/jbd2/checkpoint.c beyond instrumentation: '+unsigned long jbd2_cleanup_journal_tail(journal_t *journal)'" },
        // Plain instrumentation: DECLARE_TRACE in include/trace/, DEFINE_TRACE and the trace_*() call.
        { 23, Instr, OnlyTrace + "include/trace/irq.h, include/trace/sched.h and 2 more" },
        { 24, Instr, OnlyTrace + "block/blk-core.c, include/trace/block.h" },
        { 25, Instr, OnlyTrace + "include/trace/mm.h, mm/page_alloc.c" },
        { 26, Infra, "changes fs/select.c beyond instrumentation: '+int poll_select_set_timeout(struct timespec *to, long se...'" },
        { 27, Infra, "changes fs/pipe.c beyond instrumentation: '+extern void *kzalloc(size_t size, gfp_t flags);'" },
        // A marker replaced by a tracepoint; a marker added with its include; a marker in a macro continued by a backslash.
        { 28, Instr, OnlyTrace + "arch/powerpc/kernel/traps.c, arch/x86/kernel/dumpstack.c, include/trace/trap.h" },
        { 29, Instr, OnlyTrace + "arch/x86/mm/fault.c" },
        { 30, Instr, OnlyTrace + "arch/powerpc/platforms/cell/spufs/spufs.h" },
        // A deletion and a rename say more than the lines of the other files.
        { 31, Infra, "deletes virt/kvm/kvm_trace.c" },
        { 32, Instr, OnlyTrace + "arch/x86/kvm/x86.c, include/trace/kvm.h" },
        { 33, Infra, "renames samples/markers/probe-example.c to samples/markers/marker-probe.c" },
        { 34, Infra, "changes samples/markers/Makefile beyond instrumentation: '-obj-$(CONFIG_SAMPLE_MARKERS) += marker-probe.o marker-ex...'" },
        { 35, Infra, "changes Documentation/markers.txt beyond instrumentation: '+Several probes may be connected to the same marker: the ...'" },
        // scripts/ltt-armall: created by 36, so 37's mode change is to the set's own file.
        { 36, New, "only adds files: scripts/ltt-armall" },
        { 37, New, "only changes files the set created: scripts/ltt-armall (patch 36)" },
        { 38, New, "adds ltt/ltt-statedump.c; otherwise changes only files the set created: ltt/Kconfig, ltt/Makefile (patch 16)" },
        { 39, Infra, "changes MAINTAINERS beyond instrumentation: '+LTT TRACER'" },
        { 40, New, "only changes files the set created: include/linux/ltt-tracer.h (patch 13); ltt/Kconfig (patch 16)" },
    };

    private static readonly Lazy<IReadOnlyList<KindVerdict>> Verdicts = new(() =>
    {
        var set = PatchSetLoader.Load(RepoPaths.Patches);
        Assert.False(set.HasErrors, string.Join("\n", set.Diagnostics));
        return PatchClassifier.Classify(set.Patches);
    });

    [Theory]
    [MemberData(nameof(Expected))]
    public void Every_sample_patch_has_its_kind_and_reason(int number, PatchKind kind, string reason)
    {
        var verdict = Verdicts.Value[number - 1];
        Assert.Equal((kind, reason), (verdict.Kind, verdict.Reason));
    }

    [Fact]
    public void Every_sample_patch_is_written_down()
    {
        Assert.Equal(Verdicts.Value.Count, Expected.Count);
        Assert.Equal(Enumerable.Range(1, Verdicts.Value.Count), Expected.Select(row => (int)row[0]));
    }
}
