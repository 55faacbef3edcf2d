using Ltt.Series.Output;
using Ltt.Series.Patches;
using Ltt.Series.Planning;
using Ltt.Series.Routing;
using Ltt.Series.Verification;

namespace Ltt.Series;

/// <summary>
/// One run of <c>ltt-split series</c>: read MAINTAINERS and the template, read the patches,
/// plan the series, prove that they lose nothing (apply checks and tree equality), and write
/// the folders when asked. Nothing is written unless every step succeeded.
/// </summary>
public static class SplitSession
{
    public static SplitResult Run(SplitRequest request)
    {
        var setup = RoutingSetup.Open(request.Tree, request.Maintainers);
        if (setup.Router is null)
            return new SplitResult(SplitOutcome.BadInput, null, null, setup.Diagnostics);
        var (template, templateErrors) = CoverLetterTemplate.Load(request.TemplatePath);
        if (template is null)
            return new SplitResult(SplitOutcome.BadInput, null, null, templateErrors);
        var set = PatchSetLoader.Load(request.Input, request.Repository);
        if (set.HasErrors)
            return new SplitResult(SplitOutcome.BadInput, null, null, set.Diagnostics);
        if (set.Patches.Count == 0)
            return new SplitResult(SplitOutcome.BadInput, null, null, [new Diagnostic(request.Input, 0, "no patch to split")]);

        var plan = SeriesPlanner.Plan(set, setup.Router, request.Plan);
        var check = ApplyVerifier.Verify(plan, set.Patches, request.Tree);
        if (!check.Holds)
            return new SplitResult(SplitOutcome.CheckFailed, plan, check, check.Problems.Select(p => new Diagnostic(request.Input, 0, p)).ToList());
        if (request.Write is null)
            return new SplitResult(SplitOutcome.Done, plan, check, []);
        var written = SeriesWriter.Write(plan, check, template, request.Write);
        return new SplitResult(written.Count == 0 ? SplitOutcome.Done : SplitOutcome.BadInput, plan, check, written);
    }
}
