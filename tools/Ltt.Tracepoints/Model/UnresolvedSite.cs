namespace Ltt.Tracepoints.Model;

/// <summary>A site the scanner found in the tokens of a file but could not resolve to types, and why.</summary>
/// <param name="Macro">The macro as written (<c>TRACE_EVENT</c>, <c>trace_mark</c>, ...).</param>
/// <param name="Name">The site's name when the tokens give it, else empty.</param>
/// <param name="Guard">The <c>#ifdef CONFIG_</c> condition around the site, if any.</param>
public sealed record UnresolvedSite(string Macro, string Name, SourceLocation Location, string Reason, string? Guard = null);
