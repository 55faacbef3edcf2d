namespace Ltt.Validation.Kernel;

/// <summary>A probe module kbuild could not build, and the first lines saying why.</summary>
public sealed record ModuleBuildFailure(string Module, string Reason);
