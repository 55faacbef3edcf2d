using Ltt.Tracepoints.Markers;

namespace Ltt.Probes.Generation;

/// <summary>Every setting of probe generation, with its default.</summary>
public sealed record ProbeGeneratorOptions
{
    /// <summary>The target: a folder of <c>templates/probes/</c> (<c>ltt-0.105</c> or <c>tracepoint</c>).</summary>
    public string Target { get; init; } = "ltt-0.105";

    public TargetAbi Abi { get; init; } = TargetAbi.X86_64;

    /// <summary>True for a packed channel: fields are not aligned.</summary>
    public bool Packed { get; init; }

    /// <summary>The folder holding <c>probes/&lt;target&gt;/</c> and <c>metadata/</c>; null for the templates shipped with the tool.</summary>
    public string? TemplatesRoot { get; init; }

    /// <summary>The probe specification, relative to the tree.</summary>
    public string SpecPath { get; init; } = "ltt/probes.spec";

    /// <summary>The committed event id map, relative to the tree.</summary>
    public string IdsPath { get; init; } = "ltt/event-ids";

    /// <summary>
    /// True when the caller appends new events to the tree's id map (<c>ltt-gen probes --update-ids</c>,
    /// <see cref="Ids.EventIdFile"/>): new ids are then no warning. Generation itself never writes the tree.
    /// </summary>
    public bool UpdateIds { get; init; }

    /// <summary>What the do-not-edit headers name as the generator.</summary>
    public string Generator { get; init; } = "ltt-gen";

    /// <summary>The templates root in use: <see cref="TemplatesRoot"/>, else the one next to the assembly.</summary>
    public string ResolvedTemplatesRoot => TemplatesRoot ?? Path.Combine(AppContext.BaseDirectory, "templates");

    public static IReadOnlyList<string> Targets { get; } = ["ltt-0.105", "tracepoint"];
}
