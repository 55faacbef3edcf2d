namespace Ltt.Probes.Generation;

/// <summary>A generated file that differs on disk from what the tree generates now.</summary>
public sealed record DriftedFile(string Path, DriftKind Kind)
{
    public override string ToString() => $"{Path}: {Kind switch { DriftKind.Missing => "missing", DriftKind.Extra => "not generated any more", _ => "differs" }}";
}
