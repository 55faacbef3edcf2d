using System.CommandLine;
using Ltt.Cli;
using Ltt.IO;
using Ltt.Series;
using Ltt.Series.Checkpatch;
using Ltt.Series.Output;
using Ltt.Series.Planning;

namespace LttSplit.Commands;

/// <summary><c>ltt-split series</c>: cut a patchset into per-maintainer series and write them ready to post.</summary>
public static class SeriesCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A directory of format-patch files, a patch or mbox file, or BASE..TIP with --repo." };
        var tree = new Option<string>("--tree") { Description = "The kernel tree the patches apply to (its MAINTAINERS routes them).", DefaultValueFactory = _ => "." };
        var maintainers = new Option<string?>("--maintainers") { Description = "A MAINTAINERS file on disk to route with instead of the tree's own." };
        var maintainersAt = new Option<string?>("--maintainers-at") { Description = "For a git range: the commit whose MAINTAINERS routes: base, tip (default) or a revision." };
        var repo = new Option<string?>("--repo") { Description = "Read the git range INPUT from this repository." };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder to write the series into: a new or empty one, or one ltt-split series wrote before (it holds "
                + SeriesWriter.Marker + "), which is replaced as a whole. Never the tree or a folder holding the patches.",
            DefaultValueFactory = _ => "series",
        };
        var force = new Option<bool>("--force") { Description = "Replace the output folder even if ltt-split did not write it (never an input)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan as a table and write nothing." };
        var version = new Option<int?>("-v", "--reroll-count") { Description = "Version of the series (1 or more): vN- file names and [PATCH vN n/m] subjects." };
        // Parsed here rather than validated after: a value that is not a number must get this
        // message too, not the parser's own (which names a .NET type).
        version.CustomParser = result =>
        {
            string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (!int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int v) || v < 1)
            {
                result.AddError($"-v: the version of a series is 1 or more (got {text})");
                return null;
            }
            return v;
        };
        var maxPatches = new Option<int>("--max-patches") { Description = "Cut longer series into parts of at most K patches (K >= 1)." };
        maxPatches.CustomParser = result =>
        {
            string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (!int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int k) || k < 0)
            {
                result.AddError($"--max-patches: a series holds 1 patch or more (got {text})");
                return 0;
            }
            return k;
        };
        var addPrefixes = new Option<bool>("--add-prefixes") { Description = "Prefix subjects that have no 'subsystem: ' prefix with one made from their files' directory (by default subjects are the author's, unchanged)." };
        var splitMixed = new Option<bool>("--split-mixed") { Description = "Split a patch touching several subsystems into one patch per subsystem." };
        var template = new Option<string?>("--template") { Description = "Cover letter template (default: templates/series/cover-letter.sbn)." };
        var from = new Option<string?>("--from") { Description = "Sender of the cover letters, \"Name <email>\" (default: the first patch's author)." };
        var changes = new Option<string?>("--changes") { Description = "File with what changed since the previous version (for -v N), put in every cover letter." };
        var previous = new Option<string?>("--previous")
        {
            Description = "The folder ltt-split series wrote for the previous version: each series is matched to the one it continues, "
                + "and its cover letter says what changed, with the git range-diff of the two versions (-v defaults to the next version).",
        };
        var inReplyToPrevious = new Option<bool>("--in-reply-to-previous") { Description = "Thread each cover letter to the previous version's cover letter of the series it continues (needs --previous)." };
        var checkpatch = new Option<string?>("--checkpatch")
        {
            Description = "Run checkpatch.pl on every written patch (default script: <tree>/scripts/checkpatch.pl); exit 1 on an ERROR.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var graph = new Option<string?>("--graph")
        {
            Description = "Also draw the plan into this SVG file: each series a box with its subsystem, patch count and To: people, "
                + "an arrow to each series it needs with the symbols and files behind it, in posting order (needs Graphviz's dot).",
        };
        var command = new Command("series", "Split a patchset into per-maintainer series in dependency order, prove nothing is lost, and write them as git format-patch does.");
        command.Arguments.Add(input);
        foreach (var option in new Option[] { tree, maintainers, maintainersAt, repo, output, dryRun, version, maxPatches, addPrefixes, splitMixed, template, from, changes, previous, inReplyToPrevious, checkpatch, graph, force })
            command.Options.Add(option);
        command.SetAction(parse => Run(new SeriesArguments(
                parse.GetValue(input)!, parse.GetValue(tree)!, parse.GetValue(maintainers), parse.GetValue(repo), parse.GetValue(output)!,
                parse.GetValue(dryRun), parse.GetValue(version), parse.GetValue(maxPatches), parse.GetValue(splitMixed),
                parse.GetValue(template), parse.GetValue(from), parse.GetValue(changes))
            {
                MaintainersAt = parse.GetValue(maintainersAt),
                AddPrefixes = parse.GetValue(addPrefixes),
                Checkpatch = parse.GetResult(checkpatch) is null ? null
                    : parse.GetValue(checkpatch) ?? CheckpatchRunner.DefaultScript(parse.GetValue(tree)!),
                Force = parse.GetValue(force),
                Verbose = parse.GetValue(CommandLineRunner.Verbose),
                Previous = parse.GetValue(previous),
                InReplyToPrevious = parse.GetValue(inReplyToPrevious),
                Graph = parse.GetValue(graph),
            },
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(SeriesArguments args, TextWriter output, TextWriter error)
    {
        if (args.Version is < 1)
            return RouteCommand.Report([new Diagnostic("-v", 0, $"the version of a series is 1 or more (got {args.Version})")], error);
        if (args.Checkpatch is not null && args.DryRun)
            return RouteCommand.Report([new Diagnostic("--checkpatch", 0, "checks written patches: drop --dry-run")], error);
        if (args.Checkpatch is not null && !File.Exists(args.Checkpatch))
            return RouteCommand.Report([new Diagnostic(args.Checkpatch, 0, "checkpatch.pl not found (give its path: --checkpatch <script>)")], error);
        if (args.InReplyToPrevious && args.Previous is null)
            return RouteCommand.Report([new Diagnostic("--in-reply-to-previous", 0, "threads to the previous posting: give it with --previous FOLDER")], error);
        if (args.Graph is not null && (AtomicFile.CheckWritable(args.Graph) ?? SeriesGraph.CheckDot()) is { } graphProblem)
            return RouteCommand.Report([new Diagnostic("--graph", 0, graphProblem)], error);
        string? changesText = null;
        if (args.Changes is not null)
        {
            if (!File.Exists(args.Changes))
                return RouteCommand.Report([new Diagnostic(args.Changes, 0, "file not found")], error);
            changesText = File.ReadAllText(args.Changes).TrimEnd();
        }
        string? senderName = null, senderEmail = null;
        if (args.From is not null)
        {
            if (!MimeKit.MailboxAddress.TryParse(args.From, out var sender))
                return RouteCommand.Report([new Diagnostic("--from", 0, $"'{args.From}' is not an address")], error);
            senderName = sender.Name ?? "";
            senderEmail = sender.Address;
        }
        var request = new SplitRequest
        {
            Input = args.Input,
            Tree = args.Tree,
            Maintainers = args.Maintainers,
            MaintainersAt = args.MaintainersAt,
            Repository = args.Repo,
            Previous = args.Previous,
            TemplatePath = args.Template ?? Path.Combine(AppContext.BaseDirectory, "templates", "series", "cover-letter.sbn"),
            Plan = new PlanOptions { SplitMixed = args.SplitMixed, MaxPatches = args.MaxPatches },
            Write = args.DryRun ? null : new WriteOptions
            {
                OutputDirectory = args.Output,
                Force = args.Force,
                Version = args.Version,
                SenderName = senderName,
                SenderEmail = senderEmail,
                Changes = changesText,
                AddSubsystemPrefixes = args.AddPrefixes,
                InReplyToPrevious = args.InReplyToPrevious,
            },
        };
        var result = SplitSession.Run(request);
        if (result.Plan is not null && (args.DryRun || result.Outcome != SplitOutcome.Done))
            output.Write(PlanTable.Render(result.Plan, args.Verbose));
        foreach (var d in result.Diagnostics)
            error.WriteLine($"ltt-split: {d}");
        if (args.Graph is not null && result.Plan is not null && result.Outcome == SplitOutcome.Done)
        {
            if (SeriesGraph.WriteSvg(result.Plan, args.Graph) is { } graphError)
                return RouteCommand.Report([new Diagnostic("--graph", 0, graphError)], error);
            output.WriteLine($"drew the {result.Plan.Series.Count} series and what each needs in {args.Graph}");
        }
        switch (result.Outcome)
        {
            case SplitOutcome.Done:
                if (!args.DryRun)
                    output.WriteLine($"wrote {result.Plan!.Series.Count} series to {args.Output}; every series applies on its base and together they give the original tree");
                else
                    output.WriteLine("checked: every series applies on its base and together they give the original tree");
                return args.Checkpatch is null ? (int)ExitCode.Success : CheckpatchReport.Run(args.Checkpatch, args.Tree, args.Output, output, error);
            case SplitOutcome.CheckFailed:
                return (int)ExitCode.CheckFailed;
            default:
                return (int)ExitCode.BadInput;
        }
    }
}
