using Ltt.Series.Output;
using Ltt.Series.Patches;
using Ltt.Series.Reroll;
using Ltt.Series.Planning;
using Ltt.Series.Routing;
using Ltt.Series.Trees;
using Ltt.IO;
using Ltt.Series.Verification;

namespace Ltt.Series;

/// <summary>
/// One run of <c>ltt-split series</c>: read the patches and the template, open the MAINTAINERS
/// that routes (for a git range, the tip commit's unless told otherwise), plan the series,
/// prove that they lose nothing (apply checks from the base tree, or the range's base
/// commit, and tree equality), read the plan against the previous posting when one is
/// given, and write the folders when asked. Nothing is written unless
/// every step succeeded.
/// </summary>
public static class SplitSession
{
    public static SplitResult Run(SplitRequest request)
    {
        // The output folder first: a wrong -o is said before any work, and nothing is lost.
        var target = request.Write is null ? null : Target(request);
        if (target?.Check() is { } refused)
            return new SplitResult(SplitOutcome.BadInput, null, null, [new Diagnostic(request.Write!.OutputDirectory, 0, SeriesWriter.Reason(refused, request.Write.OutputDirectory))]);
        var (template, templateErrors) = CoverLetterTemplate.Load(request.TemplatePath);
        if (template is null)
            return Fail(templateErrors);
        PreviousPosting? previous = null;
        if (request.Previous is not null)
        {
            var (loaded, problems) = PreviousPosting.Load(request.Previous);
            if (loaded is null)
                return Fail(problems);
            previous = loaded;
            if (request.Write?.Version is int version && version <= previous.Version)
                return Fail([new Diagnostic("-v", 0, $"v{version} does not come after the previous posting {request.Previous} (v{previous.Version})")]);
            if (request.Write is { Version: null })
                request = request with { Write = request.Write with { Version = previous.Version + 1 } };
        }
        var set = PatchSetLoader.Load(request.Input, request.Repository);
        if (set.HasErrors)
            return Fail(set.Diagnostics);
        if (set.Patches.Count == 0)
            return Fail([new Diagnostic(request.Input, 0, "no patch to split")]);

        var (maintainersTree, maintainersProblem) = TreeSelection.ForMaintainers(set, request.Tree, request.MaintainersAt);
        if (maintainersTree is null)
            return Fail([maintainersProblem!]);
        using var _ = maintainersTree;
        var setup = RoutingSetup.Open(maintainersTree, request.Maintainers);
        if (setup.Router is null)
            return Fail(setup.Diagnostics);
        var (baseTree, baseProblem) = TreeSelection.ForProof(set, request.Tree);
        if (baseTree is null)
            return Fail([baseProblem!]);
        using var __ = baseTree;

        var plan = SeriesPlanner.Plan(set, setup.Router, request.Plan) with { Maintainers = setup.Origin, ProofBase = baseTree.Name };
        if (previous is not null)
            plan = plan with { History = RerollMatcher.Match(plan, previous, p => SeriesWriter.OutgoingTitle(p.Patch, request.Write?.AddSubsystemPrefixes ?? false)) };
        var check = ApplyVerifier.Verify(plan, set.Patches, baseTree);
        if (!check.Holds)
            return new SplitResult(SplitOutcome.CheckFailed, plan, check, check.Problems.Select(p => new Diagnostic(request.Input, 0, p)).ToList());
        if (request.Write is null)
            return new SplitResult(SplitOutcome.Done, plan, check, []);
        var written = SeriesWriter.Write(plan, check, template, request.Write, target!, baseTree);
        return new SplitResult(written.Count == 0 ? SplitOutcome.Done : SplitOutcome.BadInput, plan, check, written);
    }

    private static SplitResult Fail(IReadOnlyList<Diagnostic> diagnostics) => new(SplitOutcome.BadInput, null, null, diagnostics);

    /// <summary>
    /// Where the series go, and what they may not replace: the patches, MAINTAINERS and the
    /// template are inputs; the tree and the repository may hold the series folder (format-patch
    /// writes into the tree too) but not be it.
    /// </summary>
    public static OutputTarget Target(SplitRequest request) => new()
    {
        Folder = request.Write?.OutputDirectory ?? throw new ArgumentException("the request writes nothing", nameof(request)),
        Writer = "ltt-split series",
        Marker = SeriesWriter.Marker,
        Force = request.Write.Force,
        Inputs = [.. new[] { request.Repository is null ? request.Input : null, request.Maintainers, request.TemplatePath, request.Previous }.OfType<string>()],
        Enclosing = [.. new[] { request.Tree, request.Repository }.OfType<string>()],
    };
}
