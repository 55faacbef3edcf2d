using System.Text.Json;
using Ltt.Validation.Kernel;

namespace Ltt.Validation.Tests.Kernel;

public sealed class KernelRunJsonTests
{
    [Fact]
    public void One_object_with_the_keys_the_issue_names_in_its_order()
    {
        var counters = new KernelRunCounters("9.9.9-test", 90, 3, 700, 120, 60000, 240000, 0.9123456, 0, 1, 2)
        {
            KprobesRegistered = 13,
            KprobesHit = 12,
            KprobeHitsCompared = 4610,
        };

        using var json = JsonDocument.Parse(KernelRunJson.Write(counters));

        Assert.Equal(
            ["kernel", "modules_built", "modules_failed", "tracepoints_registered", "tracepoints_hit", "hits_compared",
             "fields_compared", "field_coverage", "mismatches", "lost_ours", "lost_ftrace",
             "kprobes_registered", "kprobes_hit", "kprobe_hits_compared"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("9.9.9-test", json.RootElement.GetProperty("kernel").GetString());
        Assert.Equal(0.9123, json.RootElement.GetProperty("field_coverage").GetDouble());
        Assert.Equal(2, json.RootElement.GetProperty("lost_ftrace").GetInt64());
        Assert.Equal((13, 12, 4610L), (json.RootElement.GetProperty("kprobes_registered").GetInt32(),
            json.RootElement.GetProperty("kprobes_hit").GetInt32(), json.RootElement.GetProperty("kprobe_hits_compared").GetInt64()));
    }
}
