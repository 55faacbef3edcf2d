using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Plan;

/// <summary>A TP_STRUCT__entry field (or a DECLARE_TRACE argument) the probe of <see cref="Event"/> does not record, where and why.</summary>
/// <param name="Location">The TP_fast_assign line that sets it, else the site's.</param>
/// <param name="Warning">The warning the plan reports for it.</param>
public sealed record UnrecordedField(string Event, string Field, SourceLocation Location, Unrecordable Why, ScanDiagnostic Warning);
