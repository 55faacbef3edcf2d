namespace Ltt.Probes.Plan;

/// <summary>What a TP_fast_assign body gives: the source of each field it sets, and what it could not place, each with its line.</summary>
public sealed record FastAssignResult(IReadOnlyDictionary<string, FieldSource> Sources, IReadOnlyList<UnplacedField> Unplaced)
{
    public static FastAssignResult Empty { get; } = new(new Dictionary<string, FieldSource>(), []);
}

