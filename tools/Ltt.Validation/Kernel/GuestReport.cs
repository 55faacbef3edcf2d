namespace Ltt.Validation.Kernel;

/// <summary>
/// What the guest wrote about itself into <c>&lt;out&gt;/guest/</c>: its release, which of our
/// modules loaded, every probe's tracepoint and whether it attached, our recorder's counters
/// per CPU, and whether it got to the end.
/// </summary>
public sealed record GuestReport(
    string? Release,
    bool Finished,
    IReadOnlyList<string> Failures,
    IReadOnlyList<string> ModulesLoaded,
    IReadOnlyList<string> ModulesFailed,
    IReadOnlyList<GuestProbe> Probes,
    IReadOnlyList<RecorderCpuStats> Recorder,
    string InsmodLog)
{
    public static GuestReport Read(string outputFolder)
    {
        string guest = Path.Combine(outputFolder, "guest");
        var probes = Lines(guest, "probes")
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length == 3)
            .Select(w => new GuestProbe(w[0], w[1], w[2] == "registered"))
            .ToList();
        var stats = Lines(guest, "ltt-stats")
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length == 6 && w[0] == "cpu" && w[2] == "written" && w[4] == "lost")
            .Select(w => new RecorderCpuStats(int.Parse(w[1], System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(w[3], System.Globalization.CultureInfo.InvariantCulture), long.Parse(w[5], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        string insmod = Path.Combine(guest, "insmod.log");
        return new GuestReport(
            Lines(guest, "uname").FirstOrDefault(),
            Lines(guest, "status").FirstOrDefault() == "done",
            Lines(guest, "failures"),
            Lines(guest, "modules-loaded"),
            Lines(guest, "modules-failed"),
            probes,
            stats,
            File.Exists(insmod) ? File.ReadAllText(insmod) : "")
        {
            Kprobes = Lines(guest, "kprobes")
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(w => (w.Length == 3 && w[2] == "registered") || (w.Length == 4 && w[2] == "failed"))
                .Select(w => new GuestKprobe(w[0], w[1], w.Length == 3 ? 0 : int.TryParse(w[3], System.Globalization.CultureInfo.InvariantCulture, out int e) && e != 0 ? e : -1))
                .ToList(),
            KprobeEventsRefused = Lines(guest, "kprobe-events-failed"),
        };
    }

    /// <summary>Our kprobes, as their modules listed them after loading.</summary>
    public IReadOnlyList<GuestKprobe> Kprobes { get; init; } = [];

    /// <summary>The <c>kprobe_events</c> lines ftrace refused.</summary>
    public IReadOnlyList<string> KprobeEventsRefused { get; init; } = [];

    private static IReadOnlyList<string> Lines(string folder, string name)
    {
        string path = Path.Combine(folder, name);
        return File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0).ToList() : [];
    }
}
