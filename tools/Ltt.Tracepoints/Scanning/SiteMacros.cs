using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Scanning;

/// <summary>The tracepoint macros the scanner knows: their kind, how many arguments they take, where the name is.</summary>
internal static class SiteMacros
{
    private static readonly Dictionary<string, (SiteKind Kind, int Arity, int NameIndex)> Known = new()
    {
        ["DECLARE_TRACE"] = (SiteKind.DeclareTrace, 3, 0),
        ["DECLARE_TRACE_CONDITION"] = (SiteKind.DeclareTraceCondition, 4, 0),
        ["TRACE_EVENT"] = (SiteKind.TraceEvent, 6, 0),
        ["TRACE_EVENT_CONDITION"] = (SiteKind.TraceEventCondition, 7, 0),
        ["TRACE_EVENT_FN"] = (SiteKind.TraceEventFn, 8, 0),
        ["TRACE_EVENT_FN_COND"] = (SiteKind.TraceEventFnCond, 9, 0),
        ["DECLARE_EVENT_CLASS"] = (SiteKind.DeclareEventClass, 6, 0),
        ["DEFINE_EVENT"] = (SiteKind.DefineEvent, 4, 1),
        ["DEFINE_EVENT_PRINT"] = (SiteKind.DefineEventPrint, 5, 1),
        ["DEFINE_EVENT_CONDITION"] = (SiteKind.DefineEventCondition, 5, 1),
        ["DEFINE_EVENT_FN"] = (SiteKind.DefineEventFn, 6, 1),
    };

    public static IReadOnlySet<string> Names { get; } = Known.Keys.ToHashSet();

    public static IReadOnlyList<string> All { get; } = Known.Keys.ToArray();

    public static SiteKind? KindOf(string macro) => Known.TryGetValue(macro, out var k) ? k.Kind : null;

    public static int Arity(string macro) => Known[macro].Arity;

    public static int NameIndex(string macro) => Known[macro].NameIndex;
}
