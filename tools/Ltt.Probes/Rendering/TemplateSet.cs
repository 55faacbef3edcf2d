using System.Diagnostics.CodeAnalysis;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Ltt.Probes.Rendering;

/// <summary>
/// The Scriban templates of one folder (<c>templates/probes/ltt-0.105/</c>), each compiled once
/// when the set is loaded. Parse errors and render errors are reported under the template's
/// name relative to the templates root, with its line and column.
/// </summary>
public sealed class TemplateSet
{
    /// <summary>The folder, beside the target folders, of the parts several targets include.</summary>
    private const string SharedFolder = "_shared";

    private readonly Dictionary<string, Template> _templates;
    private readonly SetTemplateLoader _loader;

    private TemplateSet(string name, Dictionary<string, Template> templates, Dictionary<string, string> texts)
    {
        Name = name;
        _templates = templates;
        _loader = new SetTemplateLoader(texts);
    }

    /// <summary>The folder's name relative to the templates root (<c>probes/ltt-0.105</c>).</summary>
    public string Name { get; }

    public IReadOnlyCollection<string> TemplateNames => _templates.Keys;

    /// <summary>
    /// Compiles every <c>*.sbn</c> in <c>root/relativeFolder</c> and the shared parts beside it; returns
    /// null with diagnostics when one does not compile.
    /// </summary>
    public static TemplateSet? Load(string root, string relativeFolder, List<TemplateDiagnostic> diagnostics)
    {
        string folder = Path.Combine(root, relativeFolder);
        if (!Directory.Exists(folder))
        {
            diagnostics.Add(new TemplateDiagnostic(relativeFolder, 0, 0, "no such template folder"));
            return null;
        }
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        int errorsBefore = diagnostics.Count;
        foreach (string path in Directory.GetFiles(folder, "*.sbn").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(path);
            string display = relativeFolder.Replace('\\', '/') + "/" + name;
            string text = File.ReadAllText(path);
            texts[name] = text;
            if (Compile(text, display, diagnostics) is { } template)
                templates[name] = template;
        }
        foreach (var (name, text) in SharedParts(root, relativeFolder, diagnostics))
            texts[name] = text;
        return diagnostics.Count > errorsBefore ? null : new TemplateSet(relativeFolder.Replace('\\', '/'), templates, texts);
    }

    /// <summary>
    /// The parts of the <c>_shared</c> folder beside <paramref name="relativeFolder"/> (<c>probes/_shared/</c>
    /// for <c>probes/ltt-0.105</c>), which every target's templates include as <c>../_shared/name.sbn</c>;
    /// each is compiled to report its errors, never rendered as a file of its own.
    /// </summary>
    private static IEnumerable<(string Name, string Text)> SharedParts(string root, string relativeFolder, List<TemplateDiagnostic> diagnostics)
    {
        string parent = Path.GetDirectoryName(relativeFolder.TrimEnd('/', '\\')) ?? "";
        string shared = Path.Combine(root, parent, SharedFolder);
        if (!Directory.Exists(shared))
            yield break;
        foreach (string path in Directory.GetFiles(shared, "*.sbn").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(path);
            string display = Path.Combine(parent, SharedFolder, name).Replace('\\', '/');
            string text = File.ReadAllText(path);
            Compile(text, display, diagnostics);
            yield return ("../" + SharedFolder + "/" + name, text);
        }
    }

    private static Template? Compile(string text, string display, List<TemplateDiagnostic> diagnostics)
    {
        var template = Template.Parse(text, display);
        if (!template.HasErrors)
            return template;
        foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
            diagnostics.Add(new TemplateDiagnostic(display, message.Span.Start.Line + 1, message.Span.Start.Column + 1, message.Message));
        return null;
    }

    public bool Contains(string name) => _templates.ContainsKey(name);

    /// <summary>Whether a template is a part other templates include (<c>_record.sbn</c>), never a file of its own.</summary>
    public static bool IsPart(string name) => name.StartsWith('_');

    /// <summary>Renders <paramref name="name"/> with <paramref name="model"/> as its globals; '\n' line ends.</summary>
    /// <remarks>
    /// Scriban reads the model's members through reflection. The models are this toolkit's own
    /// types (records of Ltt.Probes, Ltt.Tracepoints, Ltt.Trace, Ltt.Validation and anonymous ones
    /// of those assemblies), which ltt-trace's ahead-of-time build keeps whole (TrimmerRootAssembly),
    /// so no member a template reads is trimmed away.
    /// </remarks>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The model types' assemblies are trimmer roots of every ahead-of-time build (ltt-trace.csproj).")]
    public string? Render(string name, object model, List<TemplateDiagnostic> diagnostics)
    {
        string display = Name + "/" + name;
        if (!_templates.TryGetValue(name, out var template))
        {
            diagnostics.Add(new TemplateDiagnostic(display, 0, 0, "no such template"));
            return null;
        }
        var globals = new ScriptObject();
        globals.Import(model);
        globals.Import(typeof(CStyle));
        // LimitToString 0: Scriban turns an include's output into a string and, by default, returns
        // an empty one past 1 MB without an error (a large header's probe file is several MB).
        var context = new TemplateContext { StrictVariables = true, NewLine = "\n", LoopLimit = 0, LimitToString = 0, TemplateLoader = _loader };
        context.PushGlobal(globals);
        try
        {
            return template.Render(context).Replace("\r\n", "\n");
        }
        catch (ScriptRuntimeException ex)
        {
            diagnostics.Add(new TemplateDiagnostic(display, ex.Span.Start.Line + 1, ex.Span.Start.Column + 1, ex.OriginalMessage));
            return null;
        }
    }
}
