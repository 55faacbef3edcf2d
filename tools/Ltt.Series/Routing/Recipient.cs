namespace Ltt.Series.Routing;

/// <summary>
/// One address get_maintainer.pl would print for a patch, and why: the section and the
/// MAINTAINERS line it comes from, and what in the patch selected that section.
/// </summary>
/// <param name="Role">The MAINTAINERS tag behind the address (M, R, L), or "file" for an address found in a touched binding file.</param>
public sealed record Recipient(string Address, RecipientKind Kind, string Role, string Section, int Line, string Reason);
