using Ltt.Tracepoints.Markers;
using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Scanning;

/// <summary>
/// Finds marker sites in the tokens of a file: <c>trace_mark(channel, name, format, ...)</c> calls and
/// <c>DEFINE_MARKER(channel, name, format)</c> / <c>DEFINE_MARKER_TP(channel, name, tracepoint, probe, format)</c>
/// lines, and parses their format strings.
/// </summary>
internal static class MarkerReader
{
    private static readonly HashSet<string> Macros = ["trace_mark", "DEFINE_MARKER", "DEFINE_MARKER_TP"];

    public static void Read(string relPath, FileTokens tokens, List<MarkerSite> markers, List<UnresolvedSite> unresolved, List<ScanDiagnostic> diagnostics)
    {
        foreach (MacroInvocation inv in tokens.FindInvocations(Macros))
        {
            var at = new SourceLocation(relPath, inv.Line);
            void Fail(string reason)
            {
                string name = inv.Arguments.Count > 1 ? inv.ArgumentText(1) : "";
                unresolved.Add(new UnresolvedSite(inv.Macro, name, at, reason, tokens.GuardOf(inv.Line)));
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, at, $"{inv.Macro}({inv.ArgumentText(0)}, {name}): {reason}"));
            }
            if (!inv.Balanced)
            {
                Fail("unbalanced parentheses: the macro's arguments never close");
                continue;
            }
            (MarkerSiteKind kind, int formatIndex, int minArgs) = inv.Macro switch
            {
                "trace_mark" => (MarkerSiteKind.TraceMark, 2, 3),
                "DEFINE_MARKER" => (MarkerSiteKind.DefineMarker, 2, 3),
                _ => (MarkerSiteKind.DefineMarkerTp, 4, 5),
            };
            if (inv.Arguments.Count < minArgs || (kind != MarkerSiteKind.TraceMark && inv.Arguments.Count != minArgs))
            {
                Fail($"{inv.Macro} takes {(kind == MarkerSiteKind.TraceMark ? "at least " : "")}{minArgs} arguments, found {inv.Arguments.Count}");
                continue;
            }
            string channel = inv.ArgumentText(0);
            string name = inv.ArgumentText(1);
            string? text = TokenText.StringValue(inv.Arguments[formatIndex]);
            if (text is null)
            {
                Fail($"the format is not a string literal: {inv.ArgumentText(formatIndex)}");
                continue;
            }
            if (!MarkerFormat.TryParse(text, out MarkerFormat? format, out MarkerFormatError? error))
            {
                Fail($"bad format \"{text}\": {error}");
                continue;
            }
            markers.Add(new MarkerSite(kind, channel, name, text, format, at,
                kind == MarkerSiteKind.DefineMarkerTp ? inv.ArgumentText(2) : null,
                kind == MarkerSiteKind.DefineMarkerTp ? inv.ArgumentText(3) : null));
        }
    }

    /// <summary>Reports every marker whose format differs from the first site with the same channel and name.</summary>
    public static void CheckConflicts(IReadOnlyList<MarkerSite> markers, List<ScanDiagnostic> diagnostics)
    {
        foreach (var group in markers.GroupBy(m => (m.Channel, m.Name)))
        {
            MarkerSite first = group.First();
            foreach (MarkerSite other in group.Skip(1))
            {
                if (!other.Format.Equals(first.Format))
                {
                    diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, other.Location,
                        $"marker {other.Channel}.{other.Name} has format \"{other.FormatText}\" here but \"{first.FormatText}\" at {first.Location}"));
                }
            }
        }
    }
}
