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
        var globals = new ScriptObject();
        globals.Import(model, renamer: member => StandardMemberRenamer.Rename(member));
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
}
