namespace Ltt.Trace.Reader.Decoding;

/// <summary>
/// What the one-step path needs to decode an event of a lean class (see <see cref="CompiledEvent.Lean"/>)
/// whose payload starts at a given byte offset modulo 8: its class, its payload's size and load plan.
/// A stream class keeps these in one flat table indexed by <c>id * 8 + residue</c>, so finding how far
/// the event reaches is one load after its id, not a walk through the class and its layouts.
/// </summary>
internal readonly record struct LeanEvent(CompiledEvent? Event, long PayloadBits, FixedEntry[] Entries, int WideEnd);
