using System.CommandLine;
using Ltt.Cli;
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
        var maintainers = new Option<string?>("--maintainers") { Description = "A MAINTAINERS file other than <tree>/MAINTAINERS." };
        var repo = new Option<string?>("--repo") { Description = "Read the git range INPUT from this repository." };
        var output = new Option<string>("--output", "-o") { Description = "Folder to write the series into (must not exist).", DefaultValueFactory = _ => "series" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan as a table and write nothing." };
        var version = new Option<int?>("-v", "--reroll-count") { Description = "Version of the series: vN- file names and [PATCH vN n/m] subjects." };
        var maxPatches = new Option<int>("--max-patches") { Description = "Cut longer series into parts of at most K patches." };
        var splitMixed = new Option<bool>("--split-mixed") { Description = "Split a patch touching several subsystems into one patch per subsystem." };
        var template = new Option<string?>("--template") { Description = "Cover letter template (default: templates/series/cover-letter.sbn)." };
        var from = new Option<string?>("--from") { Description = "Sender of the cover letters, \"Name <email>\" (default: the first patch's author)." };
        var changes = new Option<string?>("--changes") { Description = "File with what changed since the previous version (for -v N)." };
        var checkpatch = new Option<string?>("--checkpatch")
        {
            Description = "Run checkpatch.pl on every written patch (default script: <tree>/scripts/checkpatch.pl); exit 1 on an ERROR.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("series", "Split a patchset into per-maintainer series in dependency order, prove nothing is lost, and write them as git format-patch does.");
        command.Arguments.Add(input);
        foreach (var option in new Option[] { tree, maintainers, repo, output, dryRun, version, maxPatches, splitMixed, template, from, changes, checkpatch })
            command.Options.Add(option);
        command.SetAction(parse => Run(new SeriesArguments(
                parse.GetValue(input)!, parse.GetValue(tree)!, parse.GetValue(maintainers), parse.GetValue(repo), parse.GetValue(output)!,
                parse.GetValue(dryRun), parse.GetValue(version), parse.GetValue(maxPatches), parse.GetValue(splitMixed),
                parse.GetValue(template), parse.GetValue(from), parse.GetValue(changes))
            {
                Checkpatch = parse.GetResult(checkpatch) is null ? null
                    : parse.GetValue(checkpatch) ?? CheckpatchRunner.DefaultScript(parse.GetValue(tree)!),
            },
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(SeriesArguments args, TextWriter output, TextWriter error)
    {
        if (args.Checkpatch is not null && args.DryRun)
            return RouteCommand.Report([new Diagnostic("--checkpatch", 0, "checks written patches: drop --dry-run")], error);
        if (args.Checkpatch is not null && !File.Exists(args.Checkpatch))
            return RouteCommand.Report([new Diagnostic(args.Checkpatch, 0, "checkpatch.pl not found (give its path: --checkpatch <script>)")], error);
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
            Repository = args.Repo,
            TemplatePath = args.Template ?? Path.Combine(AppContext.BaseDirectory, "templates", "series", "cover-letter.sbn"),
            Plan = new PlanOptions { SplitMixed = args.SplitMixed, MaxPatches = args.MaxPatches },
            Write = args.DryRun ? null : new WriteOptions
            {
                OutputDirectory = args.Output,
                Version = args.Version,
                SenderName = senderName,
                SenderEmail = senderEmail,
                Changes = changesText,
            },
        };
        var result = SplitSession.Run(request);
        if (result.Plan is not null && (args.DryRun || result.Outcome != SplitOutcome.Done))
            output.Write(PlanTable.Render(result.Plan));
        foreach (var d in result.Diagnostics)
            error.WriteLine($"ltt-split: {d}");
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
