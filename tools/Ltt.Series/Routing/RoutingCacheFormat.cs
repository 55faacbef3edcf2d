using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Ltt.Series.Maintainers;

namespace Ltt.Series.Routing;

/// <summary>
/// The bytes of one routing cache file: a parsed MAINTAINERS (every section and entry) and the
/// tables of a <c>.mailmap</c>, laid out so that loading is one read, a checksum and spans:
/// <code>
/// header   24 int32: magic (2), version, MAINTAINERS length and XxHash128 (4), .mailmap length
///          (-1: none) and XxHash128 (4), the eight table counts below, the XxHash3 of everything
///          after the header (2), the file's length
/// sections 5 int32 each: title (offset, length in text), line, first entry, entry count
/// entries  5 int32 each: tag, value (offset, length), line, ordinal
/// buckets  4 int32 each: key (offset, length), first ref, ref count; sorted by the key's bytes
/// refs     1 int32 each: a section with an F:/X: pattern in the bucket (FilePattern.Bucket)
/// always   1 int32 each: a section with an N: or K: entry (it can match any path)
/// names, addresses  4 int32 each: key (offset, length), value (offset, length): Mailmap's tables
/// text     UTF-8 bytes of every string above
/// </code>
/// Little-endian. A reader given paths materializes the entries of the sections that can match
/// them and only the title of the others, as <see cref="MaintainersParser.Parse(string, string, IReadOnlySet{string})"/> does.
/// Anything that does not check out (length, magic, version, key, checksum, an offset out of
/// bounds) makes <see cref="Read"/> return null: the caller parses the files instead.
/// </summary>
internal static class RoutingCacheFormat
{
    private const int Magic0 = 0x5254_544C; // "LTTR"
    private const int Magic1 = 0x4554_554F; // "OUTE"
    /// <summary>Changes with the layout or with what the parser keeps of an entry.</summary>
    private const int Version = 1;
    private const int HeaderInts = 24;
    private const int HeaderBytes = HeaderInts * sizeof(int);
    private const int SectionInts = 5, EntryInts = 5, BucketInts = 4, MailmapInts = 4;

    /// <summary>What a cache file was made from: the two files' lengths and content hashes.</summary>
    public readonly record struct Key(int MaintainersLength, UInt128 MaintainersHash, int MailmapLength, UInt128 MailmapHash)
    {
        public static Key Of(ReadOnlySpan<byte> maintainers, byte[]? mailmap) => Of(Identify(maintainers), mailmap is null ? null : Identify(mailmap));

        /// <param name="mailmap">Null when the tree has no .mailmap.</param>
        public static Key Of((int Length, UInt128 Hash) maintainers, (int Length, UInt128 Hash)? mailmap) =>
            new(maintainers.Length, maintainers.Hash, mailmap?.Length ?? -1, mailmap?.Hash ?? UInt128.Zero);

        /// <summary>The cache file's name: both hashes folded into one (a tree's MAINTAINERS with another tree's .mailmap is another file).</summary>
        public string FileName
        {
            get
            {
                Span<byte> both = stackalloc byte[40];
                MemoryMarshal.Write(both, MaintainersHash);
                MemoryMarshal.Write(both[16..], MailmapHash);
                MemoryMarshal.Write(both[32..], MaintainersLength);
                MemoryMarshal.Write(both[36..], MailmapLength);
                return Convert.ToHexStringLower(XxHash128.Hash(both)) + ".maintainers";
            }
        }
    }

    /// <summary>The length and content hash of a file's bytes.</summary>
    public static (int Length, UInt128 Hash) Identify(ReadOnlySpan<byte> content) => (content.Length, XxHash128.HashToUInt128(content));

    /// <summary>
    /// The length and content hash of a file on disk, read through a small buffer (a warm run
    /// needs the hash only, not the bytes); null when it cannot be read or is too large.
    /// </summary>
    public static (int Length, UInt128 Hash)? Identify(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path);
            var hash = new XxHash128();
            byte[] buffer = GC.AllocateUninitializedArray<byte>(1 << 16);
            long offset = 0;
            for (int read; (read = RandomAccess.Read(handle, buffer, offset)) > 0; offset += read)
                hash.Append(buffer.AsSpan(0, read));
            return offset > int.MaxValue ? null : ((int)offset, hash.GetCurrentHashAsUInt128());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The cache file of a MAINTAINERS parsed without errors (<paramref name="text"/>, where <paramref name="layout"/> says its parts are) and of its tree's .mailmap.</summary>
    public static byte[] Write(Key key, string text, MaintainersLayout layout, Mailmap mailmap)
    {
        // The first run after MAINTAINERS changed pays for this: one pass over offsets into the
        // text, no string per value.
        var utf8 = new ArrayBufferWriter<byte>(1 << 20);
        var sectionTable = CollectionsMarshal.AsSpan(layout.Sections);
        var entryTable = CollectionsMarshal.AsSpan(layout.Entries);
        int sectionCount = layout.SectionCount, entryCount = layout.EntryCount;
        var buckets = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var bucketLookup = buckets.GetAlternateLookup<ReadOnlySpan<char>>();
        var always = new List<int>();
        for (int section = 0; section < sectionCount; section++)
        {
            var s = sectionTable.Slice(section * SectionInts, SectionInts);
            bool matchesAnyPath = false;
            for (int j = 0; j < s[4]; j++)
            {
                var e = entryTable.Slice((s[3] + j) * EntryInts, EntryInts);
                matchesAnyPath |= e[0] is 'N' or 'K';
                if (e[0] is not ('F' or 'X'))
                    continue;
                var bucket = FilePattern.BucketOfValue(text.AsSpan(e[1], e[2]));
                if (!bucketLookup.TryGetValue(bucket, out var list))
                    bucketLookup[bucket] = list = [];
                if (list.Count == 0 || list[^1] != section)
                    list.Add(section);
            }
            if (matchesAnyPath)
                always.Add(section);
        }
        int refCount = buckets.Values.Sum(l => l.Count);
        int intCount = sectionCount * SectionInts + entryCount * EntryInts + buckets.Count * BucketInts + refCount + always.Count
            + (mailmap.Names.Count + mailmap.Addresses.Count) * MailmapInts;
        var ints = new int[intCount];
        int at = 0;
        void Put(int value) => ints[at++] = value;
        void PutText(ReadOnlySpan<char> value)
        {
            int length = Encoding.UTF8.GetBytes(value, utf8.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length)));
            Put(utf8.WrittenCount);
            Put(length);
            utf8.Advance(length);
        }

        for (int section = 0; section < sectionCount; section++)
        {
            var s = sectionTable.Slice(section * SectionInts, SectionInts);
            PutText(text.AsSpan(s[0], s[1]));
            Put(s[2]);
            Put(s[3]);
            Put(s[4]);
        }
        for (int entry = 0; entry < entryCount; entry++)
        {
            var e = entryTable.Slice(entry * EntryInts, EntryInts);
            Put(e[0]);
            PutText(text.AsSpan(e[1], e[2]));
            Put(e[3]);
            Put(e[4]);
        }
        var keys = buckets.Keys.Select(k => (Bytes: Encoding.UTF8.GetBytes(k), Key: k)).ToArray();
        Array.Sort(keys, (a, b) => a.Bytes.AsSpan().SequenceCompareTo(b.Bytes));
        int firstRef = 0;
        foreach (var (bytes, bucketKey) in keys)
        {
            Put(utf8.WrittenCount);
            Put(bytes.Length);
            utf8.Write(bytes);
            Put(firstRef);
            Put(buckets[bucketKey].Count);
            firstRef += buckets[bucketKey].Count;
        }
        foreach (var (_, bucketKey) in keys)
            foreach (int section in buckets[bucketKey])
                Put(section);
        foreach (int section in always)
            Put(section);
        foreach (var table in new[] { mailmap.Names, mailmap.Addresses })
        {
            foreach (var (k, v) in table)
            {
                PutText(k);
                PutText(v);
            }
        }

        int length = HeaderBytes + intCount * sizeof(int) + utf8.WrittenCount;
        var result = new byte[length];
        MemoryMarshal.AsBytes(ints.AsSpan()).CopyTo(result.AsSpan(HeaderBytes));
        utf8.WrittenSpan.CopyTo(result.AsSpan(HeaderBytes + intCount * sizeof(int)));
        var header = MemoryMarshal.Cast<byte, int>(result.AsSpan(0, HeaderBytes));
        header[0] = Magic0;
        header[1] = Magic1;
        header[2] = Version;
        WriteKey(header[3..13], key);
        header[13] = sectionCount;
        header[14] = entryCount;
        header[15] = buckets.Count;
        header[16] = refCount;
        header[17] = always.Count;
        header[18] = mailmap.Names.Count;
        header[19] = mailmap.Addresses.Count;
        header[20] = utf8.WrittenCount;
        MemoryMarshal.Write(MemoryMarshal.AsBytes(header[21..23]), XxHash3.HashToUInt64(result.AsSpan(HeaderBytes)));
        header[23] = length;
        return result;
    }

    /// <summary>
    /// The parsed MAINTAINERS (named <paramref name="path"/>) and .mailmap a cache file holds,
    /// or null when the bytes are not a whole cache file made from <paramref name="key"/>.
    /// </summary>
    /// <param name="buckets">As for <see cref="MaintainersParser.Parse(string, string, IReadOnlySet{string})"/>: when given, only the sections that can route paths in them keep their entries.</param>
    public static (MaintainersFile File, Mailmap Mailmap)? Read(ReadOnlySpan<byte> bytes, Key key, string path, IReadOnlySet<string>? buckets)
    {
        if (!BitConverter.IsLittleEndian || bytes.Length < HeaderBytes)
            return null;
        var header = MemoryMarshal.Cast<byte, int>(bytes[..HeaderBytes]);
        Span<int> expected = stackalloc int[10];
        WriteKey(expected, key);
        if (header[0] != Magic0 || header[1] != Magic1 || header[2] != Version || header[23] != bytes.Length || !header[3..13].SequenceEqual(expected))
            return null;
        int sectionCount = header[13], entryCount = header[14], bucketCount = header[15], refCount = header[16], alwaysCount = header[17],
            nameCount = header[18], addressCount = header[19], textLength = header[20];
        long ints = (long)sectionCount * SectionInts + (long)entryCount * EntryInts + (long)bucketCount * BucketInts + refCount + alwaysCount
            + ((long)nameCount + addressCount) * MailmapInts;
        if (sectionCount < 0 || entryCount < 0 || bucketCount < 0 || refCount < 0 || alwaysCount < 0 || nameCount < 0 || addressCount < 0 || textLength < 0
            || HeaderBytes + ints * sizeof(int) + textLength != bytes.Length)
            return null;
        if (MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(header[21..23])) != XxHash3.HashToUInt64(bytes[HeaderBytes..]))
            return null;

        var table = MemoryMarshal.Cast<byte, int>(bytes[HeaderBytes..(HeaderBytes + (int)ints * sizeof(int))]);
        var sections = table[..(sectionCount * SectionInts)];
        var entries = table.Slice(sections.Length, entryCount * EntryInts);
        var bucketTable = table.Slice(sections.Length + entries.Length, bucketCount * BucketInts);
        var refs = table.Slice(sections.Length + entries.Length + bucketTable.Length, refCount);
        var always = table.Slice(sections.Length + entries.Length + bucketTable.Length + refs.Length, alwaysCount);
        var names = table.Slice(sections.Length + entries.Length + bucketTable.Length + refs.Length + always.Length, nameCount * MailmapInts);
        var addresses = table[^(addressCount * MailmapInts)..];
        var text = bytes[(bytes.Length - textLength)..];

        bool[]? relevant = null;
        if (buckets is not null)
        {
            relevant = new bool[sectionCount];
            if (!Mark(relevant, always))
                return null;
            foreach (string bucket in buckets)
            {
                if (Find(bucketTable, text, Encoding.UTF8.GetBytes(bucket)) is not { } found)
                    continue;
                if ((uint)found.First > (uint)refs.Length || (uint)found.Count > (uint)(refs.Length - found.First) || !Mark(relevant, refs.Slice(found.First, found.Count)))
                    return null;
            }
        }

        var parsed = new MaintainersSection[sectionCount];
        for (int i = 0; i < sectionCount; i++)
        {
            var s = sections.Slice(i * SectionInts, SectionInts);
            if (String(text, s[0], s[1]) is not { } name || (uint)s[3] > (uint)entryCount || (uint)s[4] > (uint)(entryCount - s[3]))
                return null;
            var kept = relevant is null || relevant[i] ? new MaintainersEntry[s[4]] : [];
            for (int j = 0; j < kept.Length; j++)
            {
                var e = entries.Slice((s[3] + j) * EntryInts, EntryInts);
                if ((uint)e[0] > 'Z' || !MaintainersParser.KnownTags.Contains((char)e[0]) || String(text, e[1], e[2]) is not { } value)
                    return null;
                kept[j] = new MaintainersEntry((char)e[0], value, e[3], e[4]);
            }
            parsed[i] = new MaintainersSection(name, s[2], kept) { Index = i };
        }
        if (Pairs(names, text) is not { } nameTable || Pairs(addresses, text) is not { } addressTable)
            return null;
        return (new MaintainersFile(path, parsed, []), Mailmap.FromTables(nameTable, addressTable));
    }

    private static void WriteKey(Span<int> into, Key key)
    {
        into[0] = key.MaintainersLength;
        MemoryMarshal.Write(MemoryMarshal.AsBytes(into[1..5]), key.MaintainersHash);
        into[5] = key.MailmapLength;
        MemoryMarshal.Write(MemoryMarshal.AsBytes(into[6..10]), key.MailmapHash);
    }

    private static bool Mark(bool[] relevant, ReadOnlySpan<int> sections)
    {
        foreach (int s in sections)
        {
            if ((uint)s >= (uint)relevant.Length)
                return false;
            relevant[s] = true;
        }
        return true;
    }

    /// <summary>The refs of a bucket, by binary search over the keys' bytes; null when no pattern falls in it.</summary>
    private static (int First, int Count)? Find(ReadOnlySpan<int> buckets, ReadOnlySpan<byte> text, ReadOnlySpan<byte> key)
    {
        int low = 0, high = buckets.Length / BucketInts - 1;
        while (low <= high)
        {
            int middle = low + (high - low) / 2;
            var b = buckets.Slice(middle * BucketInts, BucketInts);
            if ((uint)b[0] > (uint)text.Length || (uint)b[1] > (uint)(text.Length - b[0]))
                return null; // a broken key: the section strings will not check out either
            int order = text.Slice(b[0], b[1]).SequenceCompareTo(key);
            if (order == 0)
                return (b[2], b[3]);
            if (order < 0)
                low = middle + 1;
            else
                high = middle - 1;
        }
        return null;
    }

    private static string? String(ReadOnlySpan<byte> text, int offset, int length) =>
        (uint)offset <= (uint)text.Length && (uint)length <= (uint)(text.Length - offset) ? Encoding.UTF8.GetString(text.Slice(offset, length)) : null;

    private static List<KeyValuePair<string, string>>? Pairs(ReadOnlySpan<int> table, ReadOnlySpan<byte> text)
    {
        var pairs = new List<KeyValuePair<string, string>>(table.Length / MailmapInts);
        for (int i = 0; i < table.Length; i += MailmapInts)
        {
            if (String(text, table[i], table[i + 1]) is not { } k || String(text, table[i + 2], table[i + 3]) is not { } v)
                return null;
            pairs.Add(new(k, v));
        }
        return pairs;
    }
}
