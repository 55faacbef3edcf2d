namespace Ltt.Tracepoints.Model;

/// <summary>
/// One tracepoint declaration found in a tree: a DECLARE_TRACE site (prototype only) or a
/// TRACE_EVENT-family site (prototype, record layout and print format).
/// </summary>
/// <param name="Guard">The innermost <c>#ifdef CONFIG_...</c> (or <c>#if IS_ENABLED(...)</c>) condition around the site, if any.</param>
/// <param name="Class">For DEFINE_EVENT*, the event class it instantiates; for TRACE_EVENT*, its own name.</param>
/// <param name="System">The trace system (<c>TRACE_SYSTEM</c>), or the header's base name for DECLARE_TRACE.</param>
/// <param name="Fields">The record layout, common header first; empty for DECLARE_TRACE.</param>
/// <param name="PrintFormat">The TP_printk format string, unquoted, or null.</param>
/// <param name="PrintArgs">The TP_printk arguments as source text, or null.</param>
public sealed record TracepointSite(
    SiteKind Kind,
    string Name,
    string Macro,
    SourceLocation Location,
    string? Guard,
    string? Class,
    string System,
    IReadOnlyList<TracepointArg> Args,
    IReadOnlyList<EventField> Fields,
    string? PrintFormat = null,
    string? PrintArgs = null)
{
    /// <summary>
    /// The CONFIG_ options the scan had to force on to compile this site, because the tree's
    /// configuration leaves it out; empty for a site the configuration builds.
    /// </summary>
    public IReadOnlyList<string> ForcedConfig { get; init; } = [];

    /// <summary>
    /// The body of the event class's <c>TP_STRUCT__entry(...)</c> as written (for DEFINE_EVENT*,
    /// its class's), or null for DECLARE_TRACE sites and classes declared in another file.
    /// </summary>
    public SourceText? Entry { get; init; }

    /// <summary>The body of the event class's <c>TP_fast_assign(...)</c> as written, or null like <see cref="Entry"/>.</summary>
    public SourceText? Assign { get; init; }

    /// <summary>
    /// The argument names <see cref="Entry"/> and <see cref="Assign"/> use: the class's
    /// <c>TP_ARGS</c>, which a DEFINE_EVENT may rename (its arguments are passed by position).
    /// </summary>
    public IReadOnlyList<string>? AssignArgs { get; init; }

    /// <summary>
    /// Macros the header <c>#undef</c>s (<c>NO_DEV</c> in napi.h): TP_fast_assign may use them,
    /// but code outside the header cannot.
    /// </summary>
    public IReadOnlyList<string> HeaderUndefs { get; init; } = [];

    /// <summary>
    /// Functions and function-like macros <see cref="Entry"/> or <see cref="Assign"/> call that the
    /// header does not declare on its own (its instantiating .c file's includes do): a probe that
    /// includes only the header cannot call them.
    /// </summary>
    public IReadOnlyList<string> UndeclaredCalls { get; init; } = [];

    /// <summary>
    /// Every name <see cref="Entry"/> or <see cref="Assign"/> uses (calls, constants, variables, macros)
    /// that a probe including the header alone cannot see, with the undeclared name it is or its macro
    /// expansion reaches (<c>page_to_pfn</c> → <c>vmemmap</c> in 6.1's huge_memory.h). Members,
    /// keywords, the arguments, <c>__entry</c> and the entry's own field names are no such names.
    /// </summary>
    public IReadOnlyDictionary<string, string> UnseenNames { get; init; } = new Dictionary<string, string>();

    public bool IsEvent => Kind is not (SiteKind.DeclareTrace or SiteKind.DeclareTraceCondition);
}
