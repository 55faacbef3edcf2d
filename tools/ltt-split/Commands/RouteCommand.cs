using System.CommandLine;
using System.Text.Json;
using Ltt.Cli;
using Ltt.Series.Kinds;
using Ltt.Series.Patches;
using Ltt.Series.Routing;
using Ltt.Series.Trees;

namespace LttSplit.Commands;

/// <summary><c>ltt-split route</c>: every patch's recipients, in get_maintainer.pl's order, and why.</summary>
public static class RouteCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A directory of format-patch files, a patch or mbox file, or BASE..TIP with --repo." };
        var tree = new Option<string>("--tree") { Description = "The kernel tree whose MAINTAINERS routes the patches.", DefaultValueFactory = _ => "." };
        var maintainers = new Option<string?>("--maintainers") { Description = "A MAINTAINERS file on disk to route with instead of the tree's own." };
        var maintainersAt = new Option<string?>("--maintainers-at") { Description = "For a git range: the commit whose MAINTAINERS routes: base, tip (default) or a revision." };
        var repo = new Option<string?>("--repo") { Description = "Read the git range INPUT from this repository." };
        var json = new Option<bool>("--json") { Description = "Print JSON: patch, all, to, cc, sections, kind, kind_reason." };
        var command = new Command("route", "Print each patch's recipients as scripts/get_maintainer.pl would, and the MAINTAINERS lines behind them.");
        command.Arguments.Add(input);
        command.Options.Add(tree);
        command.Options.Add(maintainers);
        command.Options.Add(maintainersAt);
        command.Options.Add(repo);
        command.Options.Add(json);
        command.SetAction(parse => Run(
            parse.GetValue(input)!, parse.GetValue(tree)!, parse.GetValue(maintainers), parse.GetValue(maintainersAt), parse.GetValue(repo), parse.GetValue(json),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string input, string tree, string? maintainers, string? maintainersAt, string? repo, bool json, TextWriter output, TextWriter error)
    {
        var set = PatchSetLoader.Load(input, repo);
        if (set.HasErrors)
            return Report(set.Diagnostics, error);
        var (view, problem) = TreeSelection.ForMaintainers(set, tree, maintainersAt);
        if (view is null)
            return Report([problem!], error);
        using var _ = view;
        // Only these patches are routed: MAINTAINERS is read for their paths alone, from the
        // user's cache when it was parsed before (~/.cache/ltt).
        var setup = RoutingSetup.Open(view, maintainers, set.Patches.SelectMany(p => PatchScan.Paths(p.Text)), RoutingCache.ForUser());
        if (setup.Router is null)
            return Report(setup.Diagnostics, error);
        var routes = set.Patches.Select(p => setup.Router.Route(p.Source, p.Text)).ToList();
        var kinds = PatchClassifier.Classify(set.Patches);
        if (json)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartArray();
                for (int i = 0; i < routes.Count; i++)
                {
                    var route = routes[i];
                    writer.WriteStartObject();
                    writer.WriteString("patch", route.Patch);
                    WriteArray(writer, "all", route.All);
                    WriteArray(writer, "to", route.To);
                    WriteArray(writer, "cc", route.Cc);
                    WriteArray(writer, "sections", route.Sections);
                    writer.WriteString("kind", kinds[i].JsonName);
                    writer.WriteString("kind_reason", kinds[i].Reason);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            return (int)ExitCode.Success;
        }
        for (int i = 0; i < routes.Count; i++)
        {
            var route = routes[i];
            output.WriteLine(route.Patch);
            output.WriteLine($"  kind: {kinds[i].Name} ({kinds[i].Reason})");
            foreach (var r in route.Recipients)
            {
                string where = r.Line > 0 ? $"{r.Section} (MAINTAINERS:{r.Line} {r.Role}:)" : r.Section;
                output.WriteLine($"  {r.Address}    [{where}; {r.Reason}]");
            }
        }
        return (int)ExitCode.Success;
    }

    internal static int Report(IEnumerable<Ltt.Series.Diagnostic> diagnostics, TextWriter error)
    {
        foreach (var d in diagnostics)
            error.WriteLine($"ltt-split: {d}");
        return (int)ExitCode.BadInput;
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string v in values)
            writer.WriteStringValue(v);
        writer.WriteEndArray();
    }
}
