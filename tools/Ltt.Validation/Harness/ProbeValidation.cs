using Ltt.Probes.Generation;
using Ltt.Tracepoints;

namespace Ltt.Validation.Harness;

/// <summary>
/// The first half of the CI validation run in one call: generate the probes of a tree into a
/// folder, build the harness with gcc against the tree, run it, and compare every recorded
/// payload, decoded with the generated <c>events.json</c>, with the values passed in.
/// </summary>
public static class ProbeValidation
{
    public static ProbeValidationResult Run(ScanOptions scan, string outputFolder, ProbeGeneratorOptions options)
    {
        var output = ProbeGenerator.Generate(scan, options);
        if (output.HasErrors)
        {
            var errors = output.Diagnostics.Where(d => d.Severity == Tracepoints.Model.DiagnosticSeverity.Error).Select(d => d.ToString())
                .Concat(output.TemplateErrors.Select(t => $"{t}: error"));
            return new ProbeValidationResult(output, null, null, null, "generation failed:\n" + string.Join("\n", errors));
        }
        if (output.Catalog is { Events.Count: 0 })
            return new ProbeValidationResult(output, null, null, null, $"no tracepoint found in {scan.Tree}: nothing to build");
        if (output.Harness is null || output.Catalog is null)
            return new ProbeValidationResult(output, null, null, null, $"target {options.Target} has no harness template");
        string? writeError = OutputFolder.Write(outputFolder, output.Files);
        if (writeError is not null)
            return new ProbeValidationResult(output, null, null, null, writeError);
        return Check(output, outputFolder, scan.Tree);
    }

    /// <summary>Builds, runs and compares an output already written to <paramref name="outputFolder"/>.</summary>
    public static ProbeValidationResult Check(GeneratedOutput output, string outputFolder, string kernelTree)
    {
        var build = HarnessBuilder.Build(outputFolder, kernelTree, Path.Combine(outputFolder, "harness", "build"));
        if (!build.Success)
            return new ProbeValidationResult(output, build, null, null, "the harness does not build:\n" + build.Diagnostics);
        string records = Path.Combine(outputFolder, "harness", "build", "records.bin");
        var run = HarnessBuilder.Run(build.Executable!, records);
        if (!run.Success)
            return new ProbeValidationResult(output, build, run, null, $"the harness exited with {run.ExitCode}: {run.Error}");
        if (!HarnessRecording.TryLoad(records, out var recording, out string? error))
            return new ProbeValidationResult(output, build, run, null, error);
        var report = HarnessComparison.Compare(output.Catalog!, output.Harness!.Expected, recording);
        return new ProbeValidationResult(output, build, run, report, null);
    }
}
