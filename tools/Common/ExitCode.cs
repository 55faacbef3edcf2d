namespace Ltt.Cli;

/// <summary>The exit codes every ltt-* command returns.</summary>
public enum ExitCode
{
    /// <summary>The command did what was asked and every check held.</summary>
    Success = 0,

    /// <summary>A check failed: drift, a validation error, an unresolved site.</summary>
    CheckFailed = 1,

    /// <summary>Bad usage or bad input: the message names the file and line or offset.</summary>
    BadInput = 2,
}
