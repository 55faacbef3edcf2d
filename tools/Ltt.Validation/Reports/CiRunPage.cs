using Ltt.Html;
using Ltt.Validation.Harness;

namespace Ltt.Validation.Reports;

/// <summary>
/// A CI validation run as one self-contained HTML page, written beside its JUnit file: per event
/// the payloads the gcc-built probes recorded, the events decoded from the replayed trace and the
/// mismatches, then every mismatch with its stage, event and field.
/// </summary>
public static class CiRunPage
{
    public static string Render(CiRunResult result)
    {
        var page = new HtmlPage($"CI validation run: {(result.Success ? "passed" : "failed")}");
        page.Paragraph("The generated probes built with gcc against the tree's userspace backend, their payloads replayed through the "
            + "runtime into a CTF trace, read back, validated against the generated metadata and compared value for value.", "note");
        if (result.Failure is not null)
            page.Paragraph("The run could not finish: " + result.Failure);
        page.Table(["events", "payloads recorded", "events decoded", "fields checked", "mismatches"],
            [[result.Events.Count, (long)result.Events.Sum(e => e.Recorded), result.Events.Sum(e => e.Decoded), result.FieldsChecked, result.Mismatches.Count]],
            id: "summary");
        page.Heading("Per event");
        page.Table(["id", "event", "recorded", "decoded", "mismatched"],
            result.Events.Select(e => (IReadOnlyList<object?>)[e.Id, e.Event, e.Recorded, e.Decoded, e.Mismatched]), id: "events");
        if (result.Mismatches.Count > 0)
        {
            page.Heading("Mismatches");
            page.Table(["stage", "event", "field", "what"],
                result.Mismatches.Select(m => (IReadOnlyList<object?>)[m.StageName, m.Event, m.Field, m.Message]), id: "mismatches");
        }
        return page.Render();
    }
}
