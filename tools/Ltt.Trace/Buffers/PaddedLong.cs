using System.Runtime.InteropServices;

namespace Ltt.Trace.Buffers;

/// <summary>A 64-bit counter alone on its cache lines (128 bytes: adjacent-line prefetch too),
/// so writers of one counter never invalidate the line of another.</summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
internal struct PaddedLong
{
    [FieldOffset(64)] public long Value;
}
