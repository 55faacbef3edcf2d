using Ltt.Trace.Reader.Decoding;

namespace Ltt.Trace.Reader;

/// <summary>
/// What ends a lean run before an event besides the packet's end: nothing for <c>stats</c>
/// (<see cref="NoLeanRunStop"/>), an event a validation pass must see for <c>validate</c>
/// (<see cref="ValidationLeanRunStop"/>). A struct type argument, so the JIT compiles one loop
/// per kind and the stats loop carries no check at all.
/// </summary>
internal interface ILeanRunStop
{
    /// <summary>Whether the run stops before <paramref name="ev"/>, whose clock would be <paramref name="clock"/>.</summary>
    bool Before(CompiledEvent ev, ulong clock);
}
