using Ltt.Trace.Reader.Decoding;

namespace Ltt.Trace.Reader;

/// <summary>A lean run that goes to the first event that is not lean: <c>stats</c>.</summary>
internal readonly struct NoLeanRunStop : ILeanRunStop
{
    public bool Before(CompiledEvent ev, ulong clock) => false;
}
