using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Ltt.Probes.Rendering;

/// <summary>
/// Lets a template of a set include another of the same folder (<c>{{ include '_record.sbn' }}</c>)
/// or a part of the shared folder beside it (<c>{{ include '../_shared/probe-body.sbn' }}</c>), so C that
/// several templates share is written once.
/// </summary>
internal sealed class SetTemplateLoader(IReadOnlyDictionary<string, string> texts) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        texts.TryGetValue(templatePath, out string? text)
            ? text
            : throw new ScriptRuntimeException(callerSpan, $"no template {templatePath} to include from this folder");

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
