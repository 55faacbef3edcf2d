using Ltt.Probes.Rendering;

namespace Ltt.Probes.Tests;

/// <summary>What TemplateSet promises a template author, whatever the size of the output.</summary>
public sealed class TemplateSetTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(1000)]
    [InlineData(3000)]
    public void A_part_included_from_a_part_renders_in_full_past_a_megabyte(int count)
    {
        // A probe file of a large header (xfs_trace.h: 500 probes) is several MB; Scriban turns an
        // include's output into a string and, by default, returned an empty one past 1 MB without an error.
        using var dir = new TempDir();
        string folder = Path.Combine(dir.Path, "probes", "t");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "file.c.sbn"), "{{ include '_all.sbn' }}end\n");
        File.WriteAllText(Path.Combine(folder, "_all.sbn"), "{{ for i in 1..count }}{{ include '_one.sbn' }}{{ end }}");
        File.WriteAllText(Path.Combine(folder, "_one.sbn"), "{{ i }}: " + new string('x', 1000) + "\n");
        var diagnostics = new List<TemplateDiagnostic>();

        var set = TemplateSet.Load(dir.Path, "probes/t", diagnostics);
        string? text = set?.Render("file.c.sbn", new { Count = count }, diagnostics);

        Assert.Empty(diagnostics);
        Assert.NotNull(text);
        Assert.EndsWith(count + ": " + new string('x', 1000) + "\nend\n", text, StringComparison.Ordinal);
        Assert.Equal(count, text.Split('\n').Count(l => l.EndsWith('x')));
    }
}
