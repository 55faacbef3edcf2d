namespace Ltt.Tracepoints.Model;

/// <summary>The macro a tracepoint site is declared with.</summary>
public enum SiteKind
{
    DeclareTrace,
    DeclareTraceCondition,
    TraceEvent,
    TraceEventCondition,
    TraceEventFn,
    TraceEventFnCond,
    DeclareEventClass,
    DefineEvent,
    DefineEventPrint,
    DefineEventCondition,
    DefineEventFn,
}
