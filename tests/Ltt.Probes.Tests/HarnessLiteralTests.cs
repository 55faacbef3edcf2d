using Ltt.Probes.Harness;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Tests;

/// <summary>
/// The harness's C literals hold exactly the value and type the object then holds, with no cast
/// of a C90 int constant (checkpatch's TYPECAST_INT_CONSTANT): a suffix where C has one, a
/// cast only for types it has no literal of.
/// </summary>
public sealed class HarnessLiteralTests
{
    private static readonly CType S64 = new("s64", "long long", CTypeKind.Integer, 8, 8, true);
    private static readonly CType Enum = new("enum hrtimer_mode", "enum hrtimer_mode", CTypeKind.Enum, 4, 4, false);
    private static readonly CType Short = new("short", "short", CTypeKind.Integer, 2, 2, true);

    public static TheoryData<string, long, string> Cases => new()
    {
        { "int", 5, "0x5" },
        { "int", -5, "-0x5" },
        { "int", 0x8000_0000L, "(-0x7fffffff - 1)" },
        { "pid_t", 0xf884899aL, "-0x77b7666" },
        { "unsigned int", 0xc04fd6c4L, "0xc04fd6c4U" },
        { "unsigned int", 0, "0U" },
        { "long", -2, "-0x2L" },
        { "unsigned long", -1, "0xffffffffffffffffUL" },
        { "s64", long.MinValue, "(-0x7fffffffffffffffLL - 1)" },
        { "u8", 0x1f4, "(u8)0xf4" },
        { "short", 0x8001, "(short)-0x7fff" },
        { "enum", 3, "(enum hrtimer_mode)0x3" },
        { "bool", 1, "(bool)0x1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ALiteralHasTheObjectsValueAndType(string type, long raw, string literal)
    {
        CType ctype = type switch
        {
            "int" => SampleScan.Int,
            "pid_t" => SampleScan.PidT,
            "unsigned int" => SampleScan.UInt,
            "long" => SampleScan.Long,
            "unsigned long" => SampleScan.ULong,
            "s64" => S64,
            "u8" => SampleScan.U8,
            "short" => Short,
            "enum" => Enum,
            _ => SampleScan.Bool,
        };

        Assert.Equal(literal, HarnessValues.Literal(raw, ctype));
    }

    [Fact]
    public void APointerKeepsItsCast()
    {
        Assert.Equal("(struct task_struct *)0xffff888000001230UL", HarnessValues.Literal(unchecked((long)0xffff888000001230UL), SampleScan.TaskPtr));
    }
}
