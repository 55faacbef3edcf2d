using Ltt.Testing;
using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Tests.RealTree;

/// <summary>
/// Trace headers of the unpacked 6.1 source whose sites only resolve where a .c file instantiates them
/// (found by the whole-tree run): scanned alone with -p, so the scanner has to find that .c in the tree.
/// </summary>
public sealed class InstantiationContextTests
{
    private static ScanResult ScanFullTree(params string[] paths)
    {
        RealKernelHeaders.Require();
        string source = Path.Combine(RepoPaths.Root, ".cache", "linux-source-6.1-full");
        Assert.True(File.Exists(Path.Combine(source, "Kconfig")), $"{source}: the unpacked 6.1 source is missing; run 'bash .ci/install'");
        return TracepointScanner.Scan(new ScanOptions { Tree = source, BuildDirectory = RealKernelHeaders.Build, Paths = paths });
    }

    /// <summary>
    /// kvm.h's ioapic events sit under <c>#if defined(__KVM_HAVE_IOAPIC)</c>, a macro x86's asm/kvm_host.h
    /// defines, not a CONFIG_ option: virt/kvm/kvm_main.c includes it (through linux/kvm_host.h) before the header.
    /// </summary>
    [Fact]
    public void SitesUnderAnArchitectureMacroResolveInTheInstantiatingFile()
    {
        var result = ScanFullTree("include/trace/events/kvm.h");
        string[] wanted = ["kvm_ioapic_set_irq", "kvm_ioapic_delayed_eoi_inj", "kvm_msi_set_irq"];
        var sites = result.Sites.Where(s => wanted.Contains(s.Name)).ToList();
        Assert.True(sites.Count == wanted.Length, "unresolved:\n" + string.Join('\n', result.Unresolved));
        Assert.All(sites, s => Assert.Empty(s.ForcedConfig));
        Assert.Equal(["address", "data"], sites.Single(s => s.Name == "kvm_msi_set_irq").Fields.Where(f => f.Macro != "common").Select(f => f.Name));
    }

    /// <summary>
    /// nilfs2.h defines enum nilfs2_transaction_transition_state under <c>#ifndef TRACE_HEADER_MULTI_READ</c>
    /// and needs fs/nilfs2/segment.c's includes for its other events: in that context the header is read for
    /// the first time, so the enum must not be skipped.
    /// </summary>
    [Fact]
    public void AHeaderReadFirstInItsContextKeepsWhatOnlyItsFirstReadDeclares()
    {
        var result = ScanFullTree("include/trace/events/nilfs2.h");
        Assert.True(result.Unresolved.Count == 0, "unresolved:\n" + string.Join('\n', result.Unresolved));
        var transition = result.Sites.Single(s => s.Name == "nilfs2_transaction_transition");
        Assert.Equal(4, transition.Fields.Single(f => f.Name == "state").Size);
        Assert.Contains(result.Sites, s => s.Name == "nilfs2_mdt_submit_block");
    }

    /// <summary>
    /// enum i2c_slave_event is defined only under CONFIG_I2C_SLAVE, and drivers/i2c/Makefile builds the file
    /// instantiating i2c_slave.h only with it (<c>i2c-core-$(CONFIG_I2C_SLAVE) += i2c-core-slave.o</c>): the
    /// site resolves with that option forced, and says so.
    /// </summary>
    [Fact]
    public void AnObjectTheMakefileBuildsUnderAnOptionIsParsedWithItForced()
    {
        var result = ScanFullTree("include/trace/events/i2c_slave.h");
        var site = result.Sites.SingleOrDefault(s => s.Name == "i2c_slave");
        Assert.True(site is not null, "unresolved:\n" + string.Join('\n', result.Unresolved));
        Assert.Equal(["CONFIG_I2C_SLAVE"], site.ForcedConfig);
        Assert.Equal(4, site.Fields.Single(f => f.Name == "event").Size);
        Assert.Contains(result.Diagnostics, d => d.Location.Line == 30 && d.Message.Contains("CONFIG_I2C_SLAVE=y forced", StringComparison.Ordinal));
    }

    /// <summary>
    /// sound/core/pcm_lib.c defines CREATE_TRACE_POINTS and includes pcm_trace.h inside
    /// <c>#ifdef CONFIG_SND_PCM_XRUN_DEBUG</c>, left open at the include (its #else follows): the context
    /// closes it after the header, and the sites resolve with the option forced.
    /// </summary>
    [Fact]
    public void AnIncludeInsideAConditionalOfTheInstantiatingFileIsReadWithItsOptionForced()
    {
        var result = ScanFullTree("sound/core/pcm_trace.h", "sound/core/pcm_param_trace.h");
        Assert.True(result.Unresolved.Count == 0, "unresolved:\n" + string.Join('\n', result.Unresolved));
        var hwptr = result.Sites.Single(s => s.Name == "hwptr");
        Assert.Equal(["CONFIG_SND_PCM_XRUN_DEBUG"], hwptr.ForcedConfig);
        Assert.Equal(8, hwptr.Fields.Single(f => f.Name == "pos").Size);
        Assert.Equal(["CONFIG_SND_DEBUG"], result.Sites.Single(s => s.Name == "hw_mask_param").ForcedConfig);
    }

    /// <summary>
    /// iwlwifi's iwl-devtrace-*.h use DEV_ENTRY, which iwl-devtrace.h defines before including them; the
    /// instantiating iwl-devtrace.c (built only with CONFIG_IWLWIFI_DEVICE_TRACING, which also keeps
    /// iwl-devtrace.h from turning TRACE_EVENT into a no-op) includes iwl-devtrace.h.
    /// </summary>
    [Fact]
    public void HeadersIncludedThroughAnotherTraceHeaderResolveInItsContext()
    {
        var result = ScanFullTree("drivers/net/wireless/intel/iwlwifi/iwl-devtrace-io.h");
        Assert.True(result.Unresolved.Count == 0, "unresolved:\n" + string.Join('\n', result.Unresolved));
        var ioread = result.Sites.Single(s => s.Name == "iwlwifi_dev_ioread32");
        Assert.Equal(["CONFIG_IWLWIFI_DEVICE_TRACING"], ioread.ForcedConfig);
        Assert.True(ioread.Fields.Single(f => f.Name == "dev").IsDataLoc);
    }

    /// <summary>
    /// ath5k's trace.h redefines TRACE_EVENT as a no-op under <c>#if !defined(CONFIG_ATH5K_TRACER)</c>, so its
    /// sites expanded to nothing: parsed again with the option forced, they resolve.
    /// </summary>
    [Fact]
    public void SitesAHeaderSilencesUnderAnOptionResolveWithItForced()
    {
        var result = ScanFullTree("drivers/net/wireless/ath/ath5k/trace.h");
        Assert.True(result.Unresolved.Count == 0, "unresolved:\n" + string.Join('\n', result.Unresolved));
        Assert.Equal(["ath5k_rx", "ath5k_tx", "ath5k_tx_complete"], result.Sites.Select(s => s.Name));
        Assert.All(result.Sites, s => Assert.Equal(["CONFIG_ATH5K_TRACER"], s.ForcedConfig));
    }
}
