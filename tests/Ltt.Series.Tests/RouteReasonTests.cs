using Ltt.Series.Routing;
using Ltt.Testing;

namespace Ltt.Series.Tests;

/// <summary>The reasons printed next to each recipient say which file and MAINTAINERS line chose it.</summary>
public sealed class RouteReasonTests
{
    [Fact]
    public void New_file_reason_names_the_dev_null_side_get_maintainer_pl_reads()
    {
        var setup = RoutingSetup.Open(RepoPaths.KernelTree);
        Assert.Empty(setup.Diagnostics);
        string patch = File.ReadAllText(Path.Combine(RepoPaths.Patches, "0002-immediate-values-generic-interface.patch"));
        Assert.Contains("--- /dev/null", patch);

        var route = setup.Router!.Route("0002", patch);

        Assert.Contains("dev/null", route.Files);
        var rest = route.Recipients.Where(r => r.Section == "THE REST").ToList();
        Assert.NotEmpty(rest);
        Assert.All(rest, r => Assert.Contains("dev/null (the /dev/null side of a new or deleted file) (F: matches line", r.Reason));
    }
}
