namespace Ltt.Series.Output;

/// <summary>How series are written; every default is here.</summary>
public sealed record WriteOptions
{
    /// <summary>The folder that will hold one sub-folder per series; it must not exist yet.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The reroll count (<c>-v N</c>): "vN-" file names and "[PATCH vN n/m]" subjects.</summary>
    public int? Version { get; init; }

    /// <summary>Who sends the series: the cover letters' From: and the Message-Id domain part.</summary>
    public string? SenderName { get; init; }

    public string? SenderEmail { get; init; }

    /// <summary>What changed since the previous version, for the cover letters of <c>-v N</c> with N &gt; 1.</summary>
    public string? Changes { get; init; }

    /// <summary>The git version written in the signature, as format-patch does.</summary>
    public string Signature { get; init; } = "2.39.5";
}
