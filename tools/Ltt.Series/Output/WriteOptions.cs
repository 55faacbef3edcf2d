using Ltt.Series.Planning;

namespace Ltt.Series.Output;

/// <summary>How series are written; every default is here.</summary>
public sealed record WriteOptions
{
    /// <summary>The folder that will hold one sub-folder per series: a new or empty one, or one ltt-split wrote before.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Replace <see cref="OutputDirectory"/> even when ltt-split did not write it (never an input).</summary>
    public bool Force { get; init; }

    /// <summary>The reroll count (<c>-v N</c>): "vN-" file names and "[PATCH vN n/m]" subjects.</summary>
    public int? Version { get; init; }

    /// <summary>Who sends the series: the cover letters' From: and the Message-Id domain part.</summary>
    public string? SenderName { get; init; }

    public string? SenderEmail { get; init; }

    /// <summary>What changed since the previous version, for the cover letters of <c>-v N</c> with N &gt; 1.</summary>
    public string? Changes { get; init; }

    /// <summary>Thread each cover letter to the cover letter of the series it continues (In-Reply-To/References), with <see cref="SeriesPlan.History"/>.</summary>
    public bool InReplyToPrevious { get; init; }

    /// <summary>Prefix a subject that has no "subsystem: " prefix with one made from its files' directory (off: subjects stay the author's, byte for byte).</summary>
    public bool AddSubsystemPrefixes { get; init; }

    /// <summary>The git version written in the signature, as format-patch does.</summary>
    public string Signature { get; init; } = "2.39.5";
}
