using System.Text.Json;

namespace Ltt.Validation.Kernel;

/// <summary>The one JSON object <c>ltt-trace kernel-run --json</c> prints: the run's counters, snake_case keys.</summary>
public static class KernelRunJson
{
    public static string Write(KernelRunCounters c)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            if (c.Kernel is null)
                json.WriteNull("kernel");
            else
                json.WriteString("kernel", c.Kernel);
            json.WriteNumber("modules_built", c.ModulesBuilt);
            json.WriteNumber("modules_failed", c.ModulesFailed);
            json.WriteNumber("tracepoints_registered", c.TracepointsRegistered);
            json.WriteNumber("tracepoints_hit", c.TracepointsHit);
            json.WriteNumber("hits_compared", c.HitsCompared);
            json.WriteNumber("fields_compared", c.FieldsCompared);
            json.WriteNumber("field_coverage", Math.Round(c.FieldCoverage, 4));
            json.WriteNumber("mismatches", c.Mismatches);
            json.WriteNumber("lost_ours", c.LostOurs);
            json.WriteNumber("lost_ftrace", c.LostFtrace);
            json.WriteNumber("kprobes_registered", c.KprobesRegistered);
            json.WriteNumber("kprobes_hit", c.KprobesHit);
            json.WriteNumber("kprobe_hits_compared", c.KprobeHitsCompared);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
