namespace Ltt.Series.Routing;

/// <summary>
/// The recipients of one patch in get_maintainer.pl's order (people first, then lists), with
/// the files the script saw in the patch and the sections that were applied, in order.
/// </summary>
public sealed record PatchRoute(string Patch, IReadOnlyList<string> Files, IReadOnlyList<Recipient> Recipients, IReadOnlyList<string> Sections)
{
    public IEnumerable<string> All => Recipients.Select(r => r.Address);

    /// <summary>The people (maintainers, reviewers): the To: of the mail, as b4 splits it.</summary>
    public IEnumerable<string> To => Recipients.Where(r => r.Kind == RecipientKind.Person).Select(r => r.Address);

    /// <summary>The mailing lists: the Cc: of the mail.</summary>
    public IEnumerable<string> Cc => Recipients.Where(r => r.Kind == RecipientKind.List).Select(r => r.Address);
}
