using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Ltt.Trace.Layout;

namespace Ltt.Trace.Serialization;

/// <summary>
/// The runtime's built-in event, three integers: <c>a</c> (u64), <c>b</c> (s32), <c>c</c> (u32),
/// little-endian at offsets 0, 8 and 12. The same shape as the LTTng-UST comparison program
/// (tests/Ltt.Benchmarks/lttng-ust), so the two tracers are measured on the same event.
/// </summary>
public readonly record struct ThreeIntegers(ulong A, int B, uint C) : IEventPayload<ThreeIntegers>
{
    public const int Id = 0;

    public const string Name = "ltt_trace:three_ints";

    public static int Size => 16;

    public static int Alignment => 8;

    /// <summary>The event layout this struct writes, as events.json and the metadata describe it.</summary>
    public static EventLayout Layout { get; } = new(
        Id,
        Name,
        "channel0",
        [
            FieldLayout.Integer("a", 8, signed: false) with { Offset = 0, CType = "uint64_t" },
            FieldLayout.Integer("b", 4, signed: true) with { Offset = 8, CType = "int32_t" },
            FieldLayout.Integer("c", 4, signed: false) with { Offset = 12, CType = "uint32_t" },
        ]);

    /// <summary>A catalog holding only <see cref="Layout"/>, for x86_64.</summary>
    public static EventCatalog Catalog { get; } = new("x86_64", 8, ByteOrder.LittleEndian, [Layout], "ltt-trace");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteTo(ref byte destination)
    {
        if (BitConverter.IsLittleEndian)
        {
            Unsafe.WriteUnaligned(ref destination, A);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, 8), B);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, 12), C);
        }
        else
        {
            Unsafe.WriteUnaligned(ref destination, BinaryPrimitives.ReverseEndianness(A));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, 8), BinaryPrimitives.ReverseEndianness(B));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, 12), BinaryPrimitives.ReverseEndianness(C));
        }
    }
}
