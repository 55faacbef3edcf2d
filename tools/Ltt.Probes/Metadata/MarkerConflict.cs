namespace Ltt.Probes.Metadata;

/// <summary>A marker name used with two different formats: both uses, with where they are.</summary>
public sealed record MarkerConflict(MarkerEntry First, MarkerEntry Second)
{
    public override string ToString() =>
        $"{Second.Location}: marker {Second.FullName} has format \"{Second.Format}\" here but \"{First.Format}\" at {First.Location}";
}
