using System.Globalization;
using System.Text;
using Ltt.Probes.Plan;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Generation;

/// <summary>
/// The ftrace equivalent of the generated kprobes: one <c>kprobe_events</c> line per event
/// (<c>p:ltt/kprobe_do_sys_openat2 do_sys_openat2 dfd=$arg1:s32 filename=+0($arg2):ustring ...</c>),
/// each value fetched with the offsets and sizes libclang gave its members, which ftrace's syntax
/// asks the user to spell. The kernel run defines them beside our modules and compares the two
/// records hit for hit.
/// </summary>
public static class KprobeEvents
{
    public const string FileName = "kprobe_events";

    /// <summary>The group of the ftrace events (<c>events/ltt/...</c>).</summary>
    public const string Group = "ltt";

    /// <summary>The most kretprobe instances live at once, ours and ftrace's alike.</summary>
    public const int MaxActive = 64;

    public static string Write(ProbePlan plan)
    {
        var text = new StringBuilder();
        foreach (var e in plan.Events.Where(e => e.Kprobe is not null).OrderBy(e => e.Id))
            text.Append(Line(e)).Append('\n');
        return text.ToString();
    }

    public static string Line(ProbeEvent e)
    {
        var target = e.Kprobe!;
        var line = new StringBuilder();
        line.Append(target.Return ? "r" + MaxActive.ToString(CultureInfo.InvariantCulture) : "p")
            .Append(':').Append(Group).Append('/').Append(e.Name).Append(' ').Append(target.Function);
        foreach (var v in e.Values)
            line.Append(' ').Append(v.Name).Append('=').Append(Fetch(target, v));
        return line.ToString();
    }

    /// <summary>One value's fetch argument and type: <c>+8($arg3):u64</c>.</summary>
    public static string Fetch(KprobeTarget target, ProbeValue v)
    {
        int index = target.IndexOf(v.Arg!.Name);
        bool user = index >= 0 && target.Params[index].IsUser;
        string expr = index < 0 ? "$retval" : "$arg" + (index + 1).ToString(CultureInfo.InvariantCulture);
        long? pending = null;
        bool first = true;
        foreach (var step in v.Steps)
        {
            if (step.ThroughPointer)
            {
                if (pending is { } offset)
                    expr = Deref(offset, expr, false);
                pending = step.Member.Offset;
                // Only the argument itself is known to be a user pointer; what it points to holds kernel pointers.
                user = user && first;
                first = false;
            }
            else
            {
                pending = (pending ?? 0) + step.Member.Offset;
            }
        }
        bool userDeref = user && v.Steps.Count > 0;
        if (pending is { } last)
            expr = Deref(last, expr, userDeref);
        if (v.Kind == ProbeValueKind.String)
        {
            // A string is read at the address the fetch ends on: a pointer's value, or an array's own place.
            bool array = v.SourceType.Kind == CTypeKind.Array;
            bool userString = v.Steps.Count == 0 && user;
            return (array ? expr : Deref(0, expr, false)) + (userString ? ":ustring" : ":string");
        }
        return expr + ":" + Type(v);
    }

    private static string Deref(long offset, string inner, bool user) =>
        "+" + (user ? "u" : "") + offset.ToString(CultureInfo.InvariantCulture) + "(" + inner + ")";

    private static string Type(ProbeValue v)
    {
        if (v.Kind == ProbeValueKind.Pointer)
            return "x" + (v.Layout.Size * 8).ToString(CultureInfo.InvariantCulture);
        return (v.Layout.Signed ? "s" : "u") + (v.Layout.Size * 8).ToString(CultureInfo.InvariantCulture);
    }
}
