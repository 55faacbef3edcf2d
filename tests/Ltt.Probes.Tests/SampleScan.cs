using Ltt.Tracepoints.Markers;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Tests;

/// <summary>
/// Hand-built scan results shaped like kernel-tree/'s headers (x86_64 layouts), for tests
/// that must not depend on the scanner.
/// </summary>
internal static class SampleScan
{
    public static CType Int => new("int", "int", CTypeKind.Integer, 4, 4, true);
    public static CType UInt => new("unsigned int", "unsigned int", CTypeKind.Integer, 4, 4, false);
    public static CType PidT => new("pid_t", "int", CTypeKind.Integer, 4, 4, true);
    public static CType Long => new("long", "long", CTypeKind.Integer, 8, 8, true);
    public static CType VolatileLong => new("volatile long", "volatile long", CTypeKind.Integer, 8, 8, true);
    public static CType ULong => new("unsigned long", "unsigned long", CTypeKind.Integer, 8, 8, false);
    public static CType U16 => new("u16", "unsigned short", CTypeKind.Integer, 2, 2, false);
    public static CType U8 => new("u8", "unsigned char", CTypeKind.Integer, 1, 1, false);
    public static CType Bool => new("bool", "_Bool", CTypeKind.Bool, 1, 1, false);
    public static CType Char => new("char", "char", CTypeKind.Integer, 1, 1, true);
    public static CType ConstChar => new("const char", "const char", CTypeKind.Integer, 1, 1, true);
    public static CType Comm => new("char[16]", "char[16]", CTypeKind.Array, 16, 1, false, 16, Char);
    public static CType ConstCharPtr => new("const char *", "const char *", CTypeKind.Pointer, 8, 8, false, Element: ConstChar);
    public static CType VoidPtr => new("void *", "void *", CTypeKind.Pointer, 8, 8, false, Element: new CType("void", "void", CTypeKind.Void, 0, 0, false));

    public static CType TaskStruct => new("struct task_struct", "struct task_struct", CTypeKind.Struct, 64, 8, false, Fields:
    [
        new CField("state", VolatileLong, 0),
        new CField("flags", UInt, 8),
        new CField("did_exec", UInt, 12, BitOffset: 96, BitWidth: 1),
        new CField("prio", Int, 16),
        new CField("pid", PidT, 20),
        new CField("comm", Comm, 24),
        new CField("stack", VoidPtr, 40),
    ]);

    public static CType TaskPtr => new("struct task_struct *", "struct task_struct *", CTypeKind.Pointer, 8, 8, false, Element: TaskStruct);
    public static CType RqPtr => new("struct rq *", "struct rq *", CTypeKind.Pointer, 8, 8, false,
        Element: new CType("struct rq", "struct rq", CTypeKind.Struct, 0, 0, false));

    public static TracepointSite DeclareTrace(string name, int line, params TracepointArg[] args) =>
        new(SiteKind.DeclareTrace, name, "DECLARE_TRACE", new SourceLocation("include/trace/sched.h", line), null, null, "sched", args, []);

    public static TracepointSite SchedSwitch => DeclareTrace("sched_switch", 27,
        new("rq", RqPtr), new("prev", TaskPtr), new("next", TaskPtr));

    public static TracepointSite SchedProcessWait => DeclareTrace("sched_process_wait", 40, new TracepointArg("pid", PidT));

    public static TracepointSite SchedMigrateTask => DeclareTrace("sched_migrate_task", 31,
        new("p", TaskPtr), new("orig_cpu", Int), new("dest_cpu", Int));

    /// <summary>A TRACE_EVENT with a __string and a char array, in the irq system.</summary>
    public static TracepointSite IrqHandlerEntry => new(
        SiteKind.TraceEvent, "irq_handler_entry", "TRACE_EVENT", new SourceLocation("include/trace/irq.h", 12), null, "irq_handler_entry", "irq",
        [new TracepointArg("irq", Int), new TracepointArg("name", ConstCharPtr)],
        [
            new EventField("common_type", "common", "unsigned short", U16, 0, 2, false),
            new EventField("irq", "__field", "int", Int, 8, 4, true),
            new EventField("name", "__string", "__data_loc char[]", Char, 12, 4, true, IsDataLoc: true),
        ]);

    public static ScanResult Result(params TracepointSite[] sites) => new(sites, [], []);

    public static ScanResult Default => Result(SchedSwitch, SchedProcessWait, SchedMigrateTask, IrqHandlerEntry);

    public static MarkerSite Marker(string channel, string name, string format, int line, MarkerSiteKind kind = MarkerSiteKind.TraceMark) =>
        new(kind, channel, name, format, MarkerFormat.Parse(format), new SourceLocation("kernel/module.c", line));
}
