namespace Ltt.Series.Reroll;

/// <summary>
/// One series folder of a previous posting: its number and name as the folder says them
/// (<c>03-markers</c>), its cover letter's subject and Message-Id, and its patches in order.
/// </summary>
public sealed record PreviousSeries(int Number, string Folder, string CoverTitle, string? CoverMessageId, IReadOnlyList<PreviousPatch> Patches)
{
    /// <summary>The subsystem part of the folder name ("markers" of "03-markers"), what a later posting's folder of the same subsystem is called too.</summary>
    public string Subsystem => Folder.IndexOf('-') is int dash and > 0 ? Folder[(dash + 1)..] : Folder;
}
