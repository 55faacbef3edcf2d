using System.Diagnostics;
using System.Globalization;
using Ltt.Series.Maintainers;
using Ltt.Series.Routing;
using Ltt.Series.Trees;

namespace Ltt.Benchmarks;

/// <summary>
/// Where a cold <c>ltt-split route</c> process spends its time, phase by phase, in a process of
/// its own (so the JIT and every first use count as they do for a user):
///   dotnet run -c Release --project tests/Ltt.Benchmarks -- route-phases TREE PATCH
/// Prints, for each phase, wall and CPU milliseconds: runtime start to Main (from the
/// process's start time in /proc), reading MAINTAINERS, parsing it, building the index (with
/// .mailmap and the directory checks), routing the patch, and routing it again (warm).
/// </summary>
public static class RoutePhases
{
    public static int Run(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: route-phases TREE PATCH");
            return 2;
        }
        var me = Process.GetCurrentProcess();
        double startToMain = (DateTime.Now - me.StartTime).TotalMilliseconds;
        double cpuAtMain = me.TotalProcessorTime.TotalMilliseconds;
        Console.WriteLine($"runtime start to Main: {startToMain:F0} ms wall, {cpuAtMain:F0} ms CPU");
        string tree = args[0], patch = args[1];
        var view = new DirectoryTree(tree);
        string text = "";
        MaintainersFile? file = null;
        MaintainersIndex? index = null;
        MaintainersRouter? router = null;
        Phase("read MAINTAINERS", () => text = System.Text.Encoding.UTF8.GetString(view.ReadFile("MAINTAINERS")!.Content));
        Phase("parse MAINTAINERS", () => file = MaintainersParser.Parse("MAINTAINERS", text));
        Phase("build the index (directories, .mailmap)", () => index = MaintainersIndex.Build(file!, view));
        Phase("router", () => router = new MaintainersRouter(index!));
        string patchText = File.ReadAllText(patch);
        Phase("route the patch (cold)", () => router!.Route(patch, patchText));
        Phase("route the patch (warm)", () => router!.Route(patch, patchText));
        Console.WriteLine($"total CPU at exit: {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F0} ms");
        return 0;
    }

    private static void Phase(string name, Action action)
    {
        var me = Process.GetCurrentProcess();
        double cpu0 = me.TotalProcessorTime.TotalMilliseconds;
        var wall = Stopwatch.StartNew();
        action();
        wall.Stop();
        me.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {wall.Elapsed.TotalMilliseconds:F1} ms wall, {me.TotalProcessorTime.TotalMilliseconds - cpu0:F1} ms CPU"));
    }
}
