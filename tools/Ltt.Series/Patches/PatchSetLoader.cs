namespace Ltt.Series.Patches;

/// <summary>
/// Reads a patchset from what the user names: a directory of <c>git format-patch</c> files
/// (sorted by name, cover letters skipped), one patch file or an mbox, or a git range
/// <c>BASE..TIP</c> in a repository.
/// </summary>
public static class PatchSetLoader
{
    public static PatchSet Load(string input, string? repository = null)
    {
        if (repository is not null)
            return GitRangeReader.Read(repository, input);
        if (Directory.Exists(input))
        {
            var files = Directory.GetFiles(input)
                .Where(f => f.EndsWith(".patch", StringComparison.Ordinal) || f.EndsWith(".eml", StringComparison.Ordinal) || f.EndsWith(".mbox", StringComparison.Ordinal))
                .Where(f => !Path.GetFileName(f).EndsWith("0000-cover-letter.patch", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
                return new PatchSet([], [new Diagnostic(input, 0, "no *.patch, *.eml or *.mbox file in this directory")]);
            var patches = new List<Patch>();
            var diagnostics = new List<Diagnostic>();
            string? baseCommit = null;
            foreach (string file in files)
            {
                var set = MailPatchReader.ReadFile(file);
                patches.AddRange(set.Patches);
                diagnostics.AddRange(set.Diagnostics);
                baseCommit ??= set.BaseCommit;
            }
            return new PatchSet(patches, diagnostics) { BaseCommit = baseCommit };
        }
        if (File.Exists(input))
            return MailPatchReader.ReadFile(input);
        return new PatchSet([], [new Diagnostic(input, 0, "no such file or directory")]);
    }
}
