using Ltt.Trace.Reader.Decoding;

namespace Ltt.Trace.Reader;

/// <summary>
/// A lean run for <c>validate</c>: it stops before an event with enumerations and before one
/// whose clock passes <paramref name="ClockCeiling"/> (its packet's end), events a pass reports
/// on or must look into. (The clock cannot go backwards inside a run: compact timestamps are
/// extended forwards.)
/// </summary>
internal readonly record struct ValidationLeanRunStop(ulong ClockCeiling) : ILeanRunStop
{
    public bool Before(CompiledEvent ev, ulong clock) => ev.HasEnums || clock > ClockCeiling;
}
