using System.Globalization;
using System.Text;
using Ltt.Probes.Plan;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Generation;

/// <summary>
/// What a generation left out and why, counted: headers of another architecture's build,
/// sites that do not resolve (skipped, each with its error), and fields the probes do not
/// record, by cause with their largest instances. <see cref="Summary"/> is the few lines a
/// person reads after a run; <see cref="Text"/> is <c>report.txt</c>, with every entry.
/// </summary>
/// <param name="ScanWarnings">The scan's other warnings (sites resolved with CONFIG_ options forced, ...): counted in the summary.</param>
/// <param name="Notices">Warnings of the spec, the id map and the plan (new ids, a tracepoint declared twice): few and
/// asking for action, so the summary prints them whole.</param>
public sealed record GenerationReport(
    int Events,
    int Modules,
    IReadOnlyList<LeftOutHeader> LeftOut,
    IReadOnlyList<UnresolvedSite> Skipped,
    IReadOnlyList<ScanDiagnostic> TreeErrors,
    IReadOnlyList<UnrecordedField> Unrecorded,
    IReadOnlyList<ScanDiagnostic> ScanWarnings,
    IReadOnlyList<ScanDiagnostic> Notices)
{
    /// <summary>The file, at the top of the output, that holds <see cref="Text"/>.</summary>
    public const string FileName = "report.txt";

    /// <summary>How many largest instances each summary line names.</summary>
    private const int Examples = 3;

    /// <summary>The scan's sites per macro: resolved, forced, unresolved, left out (<see cref="ScanResult.CountsPerMacro"/>).</summary>
    public IReadOnlyList<MacroCount> PerMacro { get; init; } = [];

    /// <summary>True when a site of the build was not generated, or the tree had an error.</summary>
    public bool HasSkipped => Skipped.Count > 0 || TreeErrors.Count > 0;

    /// <summary>The lines a person reads after a run: one per kind of loss, with counts and the largest instances.</summary>
    public IReadOnlyList<string> Summary()
    {
        var lines = Notices.Select(d => d.ToString()).ToList();
        if (LeftOut.Count > 0)
        {
            lines.Add($"left out: {N(LeftOut.Count)} headers ({N(LeftOut.Sum(h => h.Sites))} sites) that this architecture's build never compiles: " +
                string.Join(", ", LeftOut.GroupBy(h => h.Folder).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => $"{g.Key} {N(g.Count())}")));
        }
        if (Skipped.Count > 0)
        {
            lines.Add($"skipped: {N(Skipped.Count)} sites do not resolve, in " +
                Largest(Skipped.GroupBy(s => Folder(s.Location.File)), 5));
            foreach (var (reason, count) in Counted(Skipped.Select(s => ReasonKey(s.Reason))).Take(5))
                lines.Add($"  {N(count),7}  {reason}");
        }
        int otherErrors = TreeErrors.Count;
        if (otherErrors > 0)
            lines.Add($"errors: {N(otherErrors)} compiler errors in the tree's headers (the reasons of the skipped sites)");
        if (Unrecorded.Count > 0)
        {
            lines.Add($"not recorded: {N(Unrecorded.Count)} fields, by cause:");
            foreach (var group in Unrecorded.GroupBy(u => u.Why.Cause).OrderByDescending(g => g.Count()).ThenBy(g => g.Key))
                lines.Add($"  {N(group.Count()),7}  {Describe(group.Key)} ({Largest(group.GroupBy(u => u.Why.Detail), Examples)})");
        }
        if (ScanWarnings.Count > 0)
            lines.Add($"warnings: {N(ScanWarnings.Count)} more from the scan, in {FileName}");
        return lines;
    }

    /// <summary>The whole report: the summary, then every header left out, site skipped, error, field not recorded and warning.</summary>
    public string Text()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{N(Events)} events in {N(Modules)} modules\n");
        foreach (string line in Summary())
            sb.Append(line).Append('\n');
        if (PerMacro.Count > 0)
            Section(sb, "Sites per macro", MacroCount.Table(PerMacro));
        Section(sb, "Headers left out (not in this architecture's build)", LeftOut.Select(h => $"{h.File}: {h.Sites} sites: {h.Folder} {h.Reason}"));
        Section(sb, "Sites skipped (they do not resolve)", Skipped.Select(s => $"{s.Location}: {s.Macro}({s.Name}): {s.Reason}"));
        Section(sb, "Errors in the tree's headers", TreeErrors.Select(d => d.ToString()));
        foreach (var group in Unrecorded.GroupBy(u => u.Why.Cause).OrderByDescending(g => g.Count()).ThenBy(g => g.Key))
        {
            Section(sb, $"Not recorded: {Describe(group.Key)} ({N(group.Count())})",
                group.Select(u => $"{u.Location}: {u.Event}: {u.Field}: {u.Why.Message}"));
        }
        Section(sb, "Warnings of the spec, the id map and the plan", Notices.Select(d => d.ToString()));
        Section(sb, "Warnings of the scan", ScanWarnings.Select(d => d.ToString()));
        return sb.ToString();
    }

    /// <summary>Words for a cause, as the summary prints it.</summary>
    public static string Describe(UnrecordedCause cause) => cause switch
    {
        UnrecordedCause.NoSource => "no TP_fast_assign statement, argument or member of that name",
        UnrecordedCause.Conditional => "set inside an if, switch, loop or block",
        UnrecordedCause.FastAssignLocal => "uses a TP_fast_assign local",
        UnrecordedCause.AssignHelper => "an __assign_* form not read",
        UnrecordedCause.Statement => "a statement the planner cannot reproduce",
        UnrecordedCause.FromOtherFields => "computed from other entry fields",
        UnrecordedCause.StructNotDefined => "a struct the header does not define",
        UnrecordedCause.UnseenName => "a name the trace header alone does not declare",
        UnrecordedCause.WholeStruct => "a whole-struct copy",
        UnrecordedCause.Type => "a type a marker format cannot carry",
        _ => cause.ToString(),
    };

    private static void Section(StringBuilder sb, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
            return;
        sb.Append('\n').Append(title).Append('\n');
        foreach (string line in list)
            sb.Append(line).Append('\n');
    }

    /// <summary>"409 fs/xfs/, 22 drivers/net/, ...": the largest groups first, then by name.</summary>
    private static string Largest<T>(IEnumerable<IGrouping<string, T>> groups, int count)
    {
        var all = groups.Select(g => (g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        string shown = string.Join(", ", all.Take(count).Select(g => $"{N(g.Count)} {g.Key}"));
        return all.Count > count ? shown + $", {N(all.Count - count)} more" : shown;
    }

    private static IEnumerable<(string Key, int Count)> Counted(IEnumerable<string> keys) =>
        keys.GroupBy(k => k).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal);

    /// <summary>A site's reason without what names the site itself, so that alike reasons count together.</summary>
    private static string ReasonKey(string reason) => reason.Length <= 100 ? reason : reason[..97] + "...";

    /// <summary>The first two levels of a path (<c>fs/xfs/</c>, <c>drivers/net/</c>).</summary>
    private static string Folder(string file)
    {
        string[] parts = file.Split('/');
        return parts.Length <= 2 ? string.Join('/', parts[..^1]) + "/" : parts[0] + "/" + parts[1] + "/";
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
