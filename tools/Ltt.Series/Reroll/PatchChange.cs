namespace Ltt.Series.Reroll;

/// <summary>What happened to a patch since the previous posting.</summary>
public enum PatchChange
{
    /// <summary>Same diff (git patch id), subject and message as in the series it continues.</summary>
    Unchanged,

    /// <summary>In the series it continues, found by patch id or subject, but its diff, subject or message changed.</summary>
    Changed,

    /// <summary>Was posted before in another series.</summary>
    Moved,

    /// <summary>Not posted before.</summary>
    Added,
}
