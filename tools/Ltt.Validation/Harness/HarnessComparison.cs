using Ltt.Probes.Harness;
using Ltt.Trace.Layout;
using Ltt.Trace.Reader;
using Ltt.Trace.Values;

namespace Ltt.Validation.Harness;

/// <summary>
/// Checks a harness recording against the catalog and the expected values: one record per
/// expected call, in order, with the right id, marker and alignment, a payload that decodes to
/// exactly its size, and every field equal to what was passed in.
/// </summary>
public static class HarnessComparison
{
    public static HarnessReport Compare(EventCatalog catalog, IReadOnlyList<ExpectedEvent> expected, HarnessRecording recording)
    {
        var mismatches = new List<HarnessMismatch>();
        int fieldsChecked = 0;
        if (recording.PointerSize != catalog.PointerSize)
            mismatches.Add(new HarnessMismatch(-1, "-", null, $"the harness ran with {recording.PointerSize}-byte pointers, events.json is for {catalog.PointerSize}"));
        if (recording.Records.Count != expected.Count)
            mismatches.Add(new HarnessMismatch(-1, "-", null, $"expected {expected.Count} records, found {recording.Records.Count}"));
        if (!PayloadDecoder.TryCreate(catalog, out var decoder, out string? decoderError))
        {
            mismatches.Add(new HarnessMismatch(-1, "-", null, decoderError));
            return new HarnessReport(recording.Records.Count, fieldsChecked, mismatches);
        }

        for (int i = 0; i < Math.Min(expected.Count, recording.Records.Count); i++)
        {
            var want = expected[i];
            var record = recording.Records[i];
            string name = $"{want.Event}, id {want.Id}";
            if (record.EventId != want.Id || record.Marker != want.Marker)
            {
                mismatches.Add(new HarnessMismatch(i, name, null, $"expected {want.Marker} (id {want.Id}), found {record.Marker} (id {record.EventId})"));
                continue;
            }
            var layout = catalog.FindById(record.EventId);
            if (layout is null)
            {
                mismatches.Add(new HarnessMismatch(i, name, null, $"events.json has no event with id {record.EventId}"));
                continue;
            }
            if (layout.Channel + "." + layout.Marker != record.Marker)
                mismatches.Add(new HarnessMismatch(i, name, null, $"events.json gives id {record.EventId} to {layout.Channel}.{layout.Marker}, the probe wrote {record.Marker}"));
            if (record.LargestAlignment != layout.LargestAlignment)
                mismatches.Add(new HarnessMismatch(i, name, null, $"largest alignment: events.json says {layout.LargestAlignment}, the probe passed {record.LargestAlignment}"));

            var decoded = decoder.Decode(record.EventId, record.Payload);
            if (decoded.Error is not null)
                mismatches.Add(new HarnessMismatch(i, name, null, $"{decoded.Error} (payload of {record.Payload.Length} bytes)"));
            else if (decoded.BytesRead != record.Payload.Length)
                mismatches.Add(new HarnessMismatch(i, name, null, $"the payload is {record.Payload.Length} bytes, its layout in events.json reads {decoded.BytesRead}"));

            var byName = decoded.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
            foreach (var expectedField in want.Fields)
            {
                var field = expectedField;
                if (!byName.TryGetValue(field.Name, out var found))
                {
                    if (decoded.Error is null)
                        mismatches.Add(new HarnessMismatch(i, name, field.Name, "events.json has no such field"));
                    continue;
                }
                fieldsChecked++;
                FieldValue want_ = field.Value;
                if (field.ComputedFrom is { } computed)
                {
                    if (!record.Expectations.TryGetValue(computed.Name, out byte[]? bytes))
                    {
                        mismatches.Add(new HarnessMismatch(i, name, field.Name, "the harness wrote no expected value for this computed field"));
                        continue;
                    }
                    want_ = HarnessValues.FromHarness(computed, field.IsCount, bytes);
                    field = field with { Value = want_ };
                }
                if (!found.Value.Equals(want_))
                {
                    var layoutField = layout.Fields.First(f => f.Name == field.Name);
                    mismatches.Add(new HarnessMismatch(i, name, field.Name,
                        $"expected {field.Value.ToDiagnosticString()} (passed {field.Passed}), found {found.Value.ToDiagnosticString()} at offset {found.Offset} ({Describe(layoutField)})"));
                }
            }
            foreach (var extra in decoded.Fields.Where(f => want.Fields.All(w => w.Name != f.Name)))
                mismatches.Add(new HarnessMismatch(i, name, extra.Name, "events.json has this field, the probe records no such value"));
        }
        return new HarnessReport(recording.Records.Count, fieldsChecked, mismatches);
    }

    /// <summary>
    /// <paramref name="expected"/> with every computed field's value taken from the harness's
    /// expect records (call <c>i</c> pairs with record <c>i</c>); a field whose record is missing
    /// keeps its placeholder, which <see cref="Compare"/> reports.
    /// </summary>
    public static IReadOnlyList<ExpectedEvent> Resolve(IReadOnlyList<ExpectedEvent> expected, HarnessRecording recording)
    {
        var resolved = new List<ExpectedEvent>(expected.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            var want = expected[i];
            var record = i < recording.Records.Count ? recording.Records[i] : null;
            if (record is null || want.Fields.All(f => f.ComputedFrom is null))
            {
                resolved.Add(want);
                continue;
            }
            resolved.Add(want with
            {
                Fields = want.Fields.Select(f => f.ComputedFrom is { } v && record.Expectations.TryGetValue(v.Name, out byte[]? bytes)
                    ? f with { Value = HarnessValues.FromHarness(v, f.IsCount, bytes) }
                    : f).ToList(),
            });
        }
        return resolved;
    }

    private static string Describe(FieldLayout field) => field.Kind switch
    {
        FieldKind.Integer => $"{(field.Signed ? "signed" : "unsigned")} {field.Size}-byte integer, aligned {field.Alignment}",
        FieldKind.String => "string",
        _ => field.Kind.ToString().ToLowerInvariant(),
    };
}
