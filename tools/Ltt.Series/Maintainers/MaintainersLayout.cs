namespace Ltt.Series.Maintainers;

/// <summary>
/// Where every section title and entry value of a parsed MAINTAINERS lies in its text, as
/// offsets, also for the sections a targeted parse keeps only the title of: what the routing
/// cache is written from without a string per value (the first run after MAINTAINERS changed).
/// </summary>
internal sealed class MaintainersLayout
{
    /// <summary>Per section, 5 ints: title start and length in the text, line, first entry, entry count.</summary>
    public List<int> Sections { get; } = new(3_000 * 5);

    /// <summary>Per entry, 5 ints: tag, value start and length in the text, line, ordinal.</summary>
    public List<int> Entries { get; } = new(22_000 * 5);

    public int SectionCount => Sections.Count / 5;

    public void AddSection(int start, int length, int line, int entries)
    {
        Sections.Add(start);
        Sections.Add(length);
        Sections.Add(line);
        Sections.Add(EntryCount);
        Sections.Add(entries);
    }

    public void AddEntry(char tag, int start, int length, int line, int ordinal)
    {
        Entries.Add(tag);
        Entries.Add(start);
        Entries.Add(length);
        Entries.Add(line);
        Entries.Add(ordinal);
    }

    public int EntryCount => Entries.Count / 5;
}
