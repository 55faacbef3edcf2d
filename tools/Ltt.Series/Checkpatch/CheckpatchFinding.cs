namespace Ltt.Series.Checkpatch;

/// <summary>
/// One line of checkpatch.pl's terse output: the patch file, the line of the patch file,
/// the level (ERROR, WARNING or CHECK), the type (TRAILING_WHITESPACE) and the message.
/// </summary>
public sealed record CheckpatchFinding(string File, int Line, string Level, string Type, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Level}:{Type}: {Message}";
}
