namespace Ltt.Probes.Plan;

/// <summary>
/// Why one value cannot be recorded: its <see cref="Cause"/>, a short <see cref="Detail"/> the
/// summary groups instances by (<c>nfsi</c> for a TP_fast_assign local, <c>struct xfs_buf</c>
/// for a struct the header does not define, the header for a field with no source), and the
/// whole <see cref="Message"/> the warning prints.
/// </summary>
public sealed record Unrecordable(UnrecordedCause Cause, string Detail, string Message);
