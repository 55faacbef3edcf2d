using System.CommandLine;
using Ltt.Cli;
using Ltt.Probes.Metadata;
using Ltt.Trace.Layout;

namespace LttGen.Commands;

/// <summary><c>ltt-gen diff &lt;old events.json&gt; &lt;new events.json&gt;</c>: which events and fields changed.</summary>
public static class DiffCommand
{
    public static Command Create()
    {
        var old = new Argument<FileInfo>("old") { Description = "events.json of the old tree." };
        var current = new Argument<FileInfo>("new") { Description = "events.json of the new tree." };
        var command = new Command("diff", "Say which events and fields changed between two events.json (added, removed, type or size changed); exit 1 when any did.");
        command.Arguments.Add(old);
        command.Arguments.Add(current);
        command.SetAction(parse => Run(parse.GetValue(old)!.FullName, parse.GetValue(current)!.FullName,
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string oldPath, string newPath, TextWriter output, TextWriter error)
    {
        if (!EventCatalogJson.TryLoad(oldPath, out var old, out var oldError))
        {
            error.WriteLine($"ltt-gen diff: {oldError}");
            return (int)ExitCode.BadInput;
        }
        if (!EventCatalogJson.TryLoad(newPath, out var current, out var newError))
        {
            error.WriteLine($"ltt-gen diff: {newError}");
            return (int)ExitCode.BadInput;
        }
        var changes = EventCatalogDiff.Compare(old, current);
        foreach (var change in changes)
            output.WriteLine(change);
        output.WriteLine(changes.Count == 0
            ? $"no change: {current.Events.Count} events"
            : $"{changes.Count} change(s) between {old.Events.Count} and {current.Events.Count} events");
        return changes.Count == 0 ? (int)ExitCode.Success : (int)ExitCode.CheckFailed;
    }
}
