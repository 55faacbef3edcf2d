namespace Ltt.Tracepoints.Model;

/// <summary>
/// A trace header the scan left out because the target architecture's build never compiles it:
/// it lies under another architecture's folder, or under a folder only a configuration the
/// architecture cannot have builds (<c>drivers/s390/</c> for x86). Not an error: such sites
/// do not exist in a kernel of this architecture.
/// </summary>
/// <param name="File">The header, relative to the tree.</param>
/// <param name="Folder">The outermost folder that is out of the build (<c>arch/powerpc/</c>).</param>
/// <param name="Reason">Why that folder is out, in words.</param>
/// <param name="Sites">How many site invocations the header holds.</param>
public sealed record LeftOutHeader(string File, string Folder, string Reason, int Sites)
{
    /// <summary>The header's site invocations by macro (<c>TRACE_EVENT</c> 3, <c>DEFINE_EVENT</c> 12); they add up to <see cref="Sites"/>.</summary>
    public IReadOnlyDictionary<string, int> SitesPerMacro { get; init; } = new Dictionary<string, int>();
}
