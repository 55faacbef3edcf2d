using System.Text;
using Ltt.Series.Patches;

namespace Ltt.Series.Verification;

/// <summary>
/// Applies patches to a <see cref="TreeState"/> the strict way git apply does: every hunk's
/// old lines must be found exactly (an offset is allowed, fuzz is not), created files must
/// not exist, deleted files must end empty. Returns the first problem, naming patch, file and line.
/// </summary>
public static class PatchApplier
{
    /// <param name="only">When given, the diffs of files outside this set are skipped (the caller only follows those files).</param>
    public static string? Apply(TreeState state, Patch patch, IReadOnlySet<string>? only = null)
    {
        foreach (var diff in patch.Diffs)
        {
            if (only is not null && !only.Contains(diff.OldPath) && !only.Contains(diff.NewPath))
                continue;
            string? problem = ApplyDiff(state, diff);
            if (problem is not null)
                return $"{patch.Source}: {diff.Path}: {problem}";
        }
        return null;
    }

    private static string? ApplyDiff(TreeState state, FileDiff diff)
    {
        byte[] content = [];
        string mode = diff.NewMode ?? "100644";
        switch (diff.Change)
        {
            case FileChange.Add:
                if (state.TryGet(diff.NewPath, out _))
                    return "already exists in the tree";
                break;
            default:
                if (!state.TryGet(diff.OldPath, out var old))
                    return $"{diff.OldPath} does not exist in the tree";
                content = old.Content;
                mode = diff.NewMode ?? old.Mode;
                break;
        }
        if (diff.IsBinary)
        {
            var lines = diff.Text.Split('\n');
            var decoded = GitBinaryPatch.DecodeForwardLiteral(lines, out string? problem);
            if (decoded is null)
                return problem;
            content = decoded;
        }
        else if (diff.Hunks.Count > 0)
        {
            var result = ApplyHunks(content, diff.Hunks, out string? problem);
            if (result is null)
                return problem;
            content = result;
        }
        if (diff.Change is FileChange.Rename)
            state.Remove(diff.OldPath);
        if (diff.Change == FileChange.Delete)
        {
            if (content.Length != 0)
                return "deleted file still has content after its hunks";
            state.Remove(diff.OldPath);
            return null;
        }
        state.Set(diff.NewPath, content, mode);
        return null;
    }

    private static byte[]? ApplyHunks(byte[] content, IReadOnlyList<Hunk> hunks, out string? problem)
    {
        problem = null;
        // Latin-1 keeps every byte as one character, so files in any encoding survive.
        var lines = SplitLines(Encoding.Latin1.GetString(content));
        int offset = 0;
        foreach (var hunk in hunks)
        {
            var oldLines = new List<string>();
            var newLines = new List<string>();
            for (int j = 0; j < hunk.Lines.Count; j++)
            {
                string l = hunk.Lines[j];
                if (l.StartsWith('\\'))
                    continue;
                bool noNewline = j + 1 < hunk.Lines.Count && hunk.Lines[j + 1].StartsWith('\\');
                string text = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(l[1..])) + (noNewline ? "" : "\n");
                if (l[0] is ' ' or '-')
                    oldLines.Add(text);
                if (l[0] is ' ' or '+')
                    newLines.Add(text);
            }
            int expected = Math.Max(0, (hunk.OldCount == 0 ? hunk.OldStart : hunk.OldStart - 1) + offset);
            int at = Find(lines, oldLines, expected);
            if (at < 0)
            {
                problem = $"hunk at patch line {hunk.Line} (@@ -{hunk.OldStart},{hunk.OldCount} +{hunk.NewStart},{hunk.NewCount} @@) does not apply";
                return null;
            }
            lines.RemoveRange(at, oldLines.Count);
            lines.InsertRange(at, newLines);
            offset += newLines.Count - oldLines.Count + (at - expected);
        }
        return Encoding.Latin1.GetBytes(string.Concat(lines));
    }

    private static int Find(List<string> lines, List<string> needle, int expected)
    {
        for (int distance = 0; distance <= lines.Count; distance++)
        {
            foreach (int at in new[] { expected - distance, expected + distance })
            {
                if (at < 0 || at + needle.Count > lines.Count)
                    continue;
                bool ok = true;
                for (int k = 0; k < needle.Count && ok; k++)
                    ok = lines[at + k] == needle[k];
                if (ok)
                    return at;
            }
            if (expected - distance < 0 && expected + distance + needle.Count > lines.Count)
                break;
        }
        return -1;
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            if (nl < 0)
            {
                lines.Add(text[start..]);
                break;
            }
            lines.Add(text[start..(nl + 1)]);
            start = nl + 1;
        }
        return lines;
    }
}
