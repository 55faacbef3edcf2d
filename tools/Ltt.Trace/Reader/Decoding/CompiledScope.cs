namespace Ltt.Trace.Reader.Decoding;

/// <summary>A scope's type compiled into ops, with the meaning fields it holds.</summary>
internal sealed class CompiledScope
{
    public static readonly CompiledScope Empty = new([], [], visible: false, present: false, meanings: 0);

    public CompiledScope(DecodeOp[] ops, OpInfo[] infos, bool visible, bool present, ulong meanings)
    {
        Ops = ops;
        Infos = infos;
        Visible = visible;
        Present = present;
        Meanings = meanings;
        HasEnums = ops.Any(o => o.Kind == OpKind.Enum);
        Fixed = FixedLayout.TryCreate(ops);
    }

    /// <summary>The load plan when every field has a fixed size, else null (the op walker decodes it).</summary>
    public FixedLayout? Fixed { get; }

    /// <summary>Some field is an enumeration (checks skip scopes without).</summary>
    public bool HasEnums { get; }

    public DecodeOp[] Ops { get; }

    public OpInfo[] Infos { get; }

    /// <summary>babeltrace2 prints the scope.</summary>
    public bool Visible { get; }

    /// <summary>The metadata declares the scope at all.</summary>
    public bool Present { get; }

    /// <summary>Bit set of the <see cref="Registers"/> meanings the scope's fields store.</summary>
    public ulong Meanings { get; }

    public bool Has(int register) => (Meanings & (1UL << register)) != 0;
}
