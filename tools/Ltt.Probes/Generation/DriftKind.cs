namespace Ltt.Probes.Generation;

/// <summary>How a generated file drifted.</summary>
public enum DriftKind
{
    Changed,
    Missing,
    Extra,
}
