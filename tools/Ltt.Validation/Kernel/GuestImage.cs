using Ltt.Probes.Rendering;

namespace Ltt.Validation.Kernel;

/// <summary>
/// Builds the guest's initramfs: busybox (static), the run's helper, <c>/init</c> rendered from
/// <c>templates/guest/init.sbn</c>, <c>/workload.sh</c>, the kernel's modules under
/// <c>/lib/modules/</c> and ours under <c>/ltt/</c>.
/// </summary>
public static class GuestImage
{
    /// <summary>The kernel's own modules the guest needs, by name, from <c>templates/guest/modules</c>.</summary>
    public static (IReadOnlyList<string> Boot, IReadOnlyList<string> Cycle)? ModuleNames(string guestTemplates, out string? error)
    {
        string file = Path.Combine(guestTemplates, "modules");
        error = null;
        if (!File.Exists(file))
        {
            error = $"{file}: no such file";
            return null;
        }
        var boot = new List<string>();
        var cycle = new List<string>();
        int number = 0;
        foreach (string raw in File.ReadLines(file))
        {
            number++;
            string line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
                continue;
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2 || words[0] is not ("boot" or "cycle"))
            {
                error = $"{file}:{number}: expected 'boot NAME...' or 'cycle NAME...'";
                return null;
            }
            (words[0] == "boot" ? boot : cycle).AddRange(words.Skip(1));
        }
        return (boot, cycle);
    }

    /// <summary>Renders <c>/init</c> for <paramref name="plan"/>; null with the template's errors.</summary>
    public static string? RenderInit(string templatesRoot, GuestPlan plan, List<TemplateDiagnostic> errors)
    {
        var templates = TemplateSet.Load(templatesRoot, "guest", errors);
        return templates?.Render("init.sbn", new
        {
            plan.BootModules,
            CycleModules = plan.CycleModules.Select(m => "/lib/modules/" + m).ToList(),
            plan.ProbeModules,
            plan.RecorderParameters,
            FtraceBufferKb = plan.FtraceBufferKiB,
            plan.Clock,
            HasKprobes = plan.KprobeEvents.Length > 0,
        }, errors);
    }

    /// <summary>Writes the gzip-compressed initramfs to <paramref name="initrd"/>.</summary>
    public static void Write(string initrd, string init, string workload, string busybox, string helper,
        string modulesFolder, GuestPlan plan, string probesFolder)
    {
        var archive = new CpioArchive();
        foreach (string dir in new[] { "dev", "proc", "sys", "tmp", "out", "data", "ltt", "lib/modules" })
            archive.AddDirectory(dir);
        archive.AddFile("init", System.Text.Encoding.UTF8.GetBytes(init), executable: true);
        archive.AddFile("workload.sh", System.Text.Encoding.UTF8.GetBytes(workload), executable: true);
        archive.AddFile("bin/busybox", File.ReadAllBytes(busybox), executable: true);
        archive.AddSymlink("bin/sh", "busybox");
        archive.AddFile("bin/ltt-guest", File.ReadAllBytes(helper), executable: true);
        foreach (string module in plan.BootModules.Concat(plan.CycleModules).Distinct(StringComparer.Ordinal))
            archive.AddFile("lib/modules/" + module, File.ReadAllBytes(Path.Combine(modulesFolder, module)));
        foreach (string module in plan.ProbeModules.Prepend(ProbeBuild.Recorder))
            archive.AddFile("ltt/" + module + ".ko", File.ReadAllBytes(Path.Combine(probesFolder, module + ".ko")));
        archive.AddFile("ltt/kprobe_events", System.Text.Encoding.UTF8.GetBytes(plan.KprobeEvents));
        archive.WriteGzip(initrd);
    }
}
