namespace Ltt.Trace.Ftrace;

/// <summary>
/// Sizes of the C element types ftrace prints in array fields. A fixed array's element size
/// comes from its size and length when the length is a number; a dynamic array
/// (<c>__data_loc u32[]</c>) has only its type, so its element size comes from here.
/// </summary>
internal static class FtraceCTypes
{
    private static readonly Dictionary<string, int> Fixed = new(StringComparer.Ordinal)
    {
        ["char"] = 1, ["signed char"] = 1, ["unsigned char"] = 1, ["bool"] = 1, ["_Bool"] = 1,
        ["u8"] = 1, ["s8"] = 1, ["__u8"] = 1, ["__s8"] = 1, ["uint8_t"] = 1, ["int8_t"] = 1,
        ["short"] = 2, ["unsigned short"] = 2, ["short int"] = 2, ["short unsigned int"] = 2,
        ["u16"] = 2, ["s16"] = 2, ["__u16"] = 2, ["__s16"] = 2, ["__le16"] = 2, ["__be16"] = 2, ["uint16_t"] = 2, ["int16_t"] = 2,
        ["int"] = 4, ["unsigned int"] = 4, ["unsigned"] = 4, ["signed int"] = 4,
        ["u32"] = 4, ["s32"] = 4, ["__u32"] = 4, ["__s32"] = 4, ["__le32"] = 4, ["__be32"] = 4, ["uint32_t"] = 4, ["int32_t"] = 4,
        ["pid_t"] = 4, ["uid_t"] = 4, ["gid_t"] = 4, ["nid_t"] = 4, ["gfp_t"] = 4, ["dev_t"] = 4,
        ["long long"] = 8, ["unsigned long long"] = 8, ["long long int"] = 8, ["long long unsigned int"] = 8,
        ["u64"] = 8, ["s64"] = 8, ["__u64"] = 8, ["__s64"] = 8, ["__le64"] = 8, ["__be64"] = 8, ["uint64_t"] = 8, ["int64_t"] = 8,
        ["loff_t"] = 8, ["sector_t"] = 8, ["ino_t"] = 8,
    };

    private static readonly HashSet<string> Long = new(StringComparer.Ordinal)
    {
        "long", "unsigned long", "long int", "long unsigned int", "signed long", "size_t", "ssize_t", "uintptr_t", "intptr_t",
    };

    /// <summary>Bytes of <paramref name="type"/> (qualifiers ignored; pointers and longs are <paramref name="longSize"/>), or 0 when unknown.</summary>
    public static int SizeOf(string type, int longSize)
    {
        string bare = Bare(type);
        if (bare.EndsWith('*'))
            return longSize;
        if (Fixed.TryGetValue(bare, out int size))
            return size;
        return Long.Contains(bare) ? longSize : 0;
    }

    /// <summary>True for the types the kernel prints with <c>%s</c> when they form an array: plain <c>char</c>.</summary>
    public static bool IsText(string type) => Bare(type) == "char";

    private static string Bare(string type)
    {
        string t = type.Trim();
        foreach (string qualifier in (ReadOnlySpan<string>)["const ", "volatile "])
        {
            while (t.StartsWith(qualifier, StringComparison.Ordinal))
                t = t[qualifier.Length..].TrimStart();
        }
        return t;
    }
}
