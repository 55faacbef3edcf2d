namespace Ltt.Series;

/// <summary>How a split ended: done, the proof failed, or the input was unusable.</summary>
public enum SplitOutcome
{
    Done,
    CheckFailed,
    BadInput,
}
