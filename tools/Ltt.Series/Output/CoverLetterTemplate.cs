using Scriban;
using Scriban.Runtime;

namespace Ltt.Series.Output;

/// <summary>
/// The cover letter template (<c>templates/series/cover-letter.sbn</c>), compiled once; parse
/// errors are reported under the template's file name and line.
/// </summary>
public sealed class CoverLetterTemplate
{
    private readonly Template _template;

    private CoverLetterTemplate(Template template, string path)
    {
        _template = template;
        Path = path;
    }

    public string Path { get; }

    public static (CoverLetterTemplate? Template, IReadOnlyList<Diagnostic> Diagnostics) Load(string path)
    {
        if (!File.Exists(path))
            return (null, [new Diagnostic(path, 0, "cover letter template not found")]);
        var template = Template.Parse(File.ReadAllText(path), path);
        if (template.HasErrors)
        {
            var diagnostics = template.Messages
                .Select(m => new Diagnostic(path, m.Span.Start.Line + 1, m.Message))
                .ToList();
            return (null, diagnostics);
        }
        return (new CoverLetterTemplate(template, path), []);
    }

    /// <summary>Renders the body; a runtime error in the template is returned as a diagnostic.</summary>
    public (string? Text, Diagnostic? Error) Render(CoverLetterModel model)
    {
        var globals = Globals(model);
        var context = new TemplateContext { MemberRenamer = StandardMemberRenamer.Rename, StrictVariables = true };
        context.PushGlobal(globals);
        try
        {
            return (_template.Render(context), null);
        }
        catch (Scriban.Syntax.ScriptRuntimeException e)
        {
            return (null, new Diagnostic(Path, e.Span.Start.Line + 1, e.OriginalMessage));
        }
    }

    /// <summary>
    /// The model as the template sees it, member by member in snake_case: written out rather than
    /// imported by reflection, so the tool can be compiled ahead of time and trimmed (Scriban's
    /// Import needs every member kept for reflection).
    /// </summary>
    private static ScriptObject Globals(CoverLetterModel model)
    {
        static ScriptObject Reference(SeriesReference r) => new() { ["number"] = r.Number, ["title"] = r.Title, ["patches"] = r.Patches };
        return new ScriptObject
        {
            ["title"] = model.Title,
            ["reason"] = model.Reason,
            ["shortlog"] = model.Shortlog,
            ["diffstat"] = model.Diffstat,
            ["version"] = model.Version,
            ["changes"] = model.Changes,
            ["base_commit"] = model.BaseCommit,
            ["prerequisite_patch_ids"] = new ScriptArray(model.PrerequisitePatchIds),
            ["depends_on"] = new ScriptArray(model.DependsOn.Select(Reference)),
            ["needed_by"] = new ScriptArray(model.NeededBy.Select(Reference)),
            ["kinds"] = new ScriptArray(model.Kinds.Select(k => new ScriptObject
            {
                ["number"] = k.Number, ["title"] = k.Title, ["kind"] = k.Kind, ["reason"] = k.Reason, ["text"] = k.Text,
            })),
            ["previous_version"] = model.PreviousVersion,
            ["previous_series"] = model.PreviousSeries,
            ["previous_match"] = model.PreviousMatch,
            ["history"] = new ScriptArray(model.History.Select(h => new ScriptObject
            {
                ["change"] = h.Change, ["number"] = h.Number, ["title"] = h.Title, ["text"] = h.Text,
            })),
            ["range_diff"] = model.RangeDiff,
            ["range_diff_problem"] = model.RangeDiffProblem,
        };
    }
}
