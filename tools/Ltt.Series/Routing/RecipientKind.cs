namespace Ltt.Series.Routing;

/// <summary>Whether a recipient is a person (<c>M:</c>, <c>R:</c>, an address in a binding file) or a mailing list (<c>L:</c>).</summary>
public enum RecipientKind
{
    Person,
    List,
}
