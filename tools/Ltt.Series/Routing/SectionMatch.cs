using Ltt.Series.Maintainers;

namespace Ltt.Series.Routing;

/// <summary>Why a section applies to a file: the entry that matched last in the section and its depth.</summary>
public sealed record SectionMatch(MaintainersSection Section, MaintainersEntry Entry, int Depth);
