namespace Ltt.Validation.Kernel.Comparison;

/// <summary>
/// A field ftrace records that our probes leave out, with the generator's reason (its warning
/// text) and where the generator found it; the report says why such a field is not compared.
/// </summary>
/// <param name="Source">The site of the warning (<c>include/trace/events/sched.h:245</c>), when known.</param>
public sealed record NotRecordedField(string Event, string Field, string Reason, string? Source = null);
