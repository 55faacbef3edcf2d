namespace Ltt.Series.Output;

/// <summary>
/// git's stable patch id (<c>git patch-id --stable</c>), which <c>prerequisite-patch-id:</c>
/// trailers name; computed by git itself so reviewers' tools find the same ids.
/// </summary>
public static class PatchId
{
    /// <summary>The id, or null when git is not available or the text has no diff.</summary>
    public static string? Compute(string patchText) => ComputeAll([patchText])[0];

    /// <summary>
    /// The ids of many patches from one git process: each text is numbered through its mbox
    /// "From " line so the answers map back to it (a patch without a diff gets null).
    /// </summary>
    public static IReadOnlyList<string?> ComputeAll(IReadOnlyList<string> patchTexts)
    {
        var input = new System.Text.StringBuilder();
        for (int i = 0; i < patchTexts.Count; i++)
        {
            string text = patchTexts[i];
            if (text.StartsWith("From ", StringComparison.Ordinal))
                text = text[(text.IndexOf('\n') + 1)..];
            input.Append($"From {i:x40} Mon Sep 17 00:00:00 2001\n").Append(text);
            if (!text.EndsWith('\n'))
                input.Append('\n');
        }
        var ids = new string?[patchTexts.Count];
        var (output, _) = GitCommand.Run(null, ["patch-id", "--stable"], input.ToString());
        foreach (string line in (output ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            if (parts.Length == 2 && parts[0].Length == 40 && int.TryParse(parts[1], System.Globalization.NumberStyles.HexNumber, null, out int index) && index < ids.Length)
                ids[index] = parts[0];
        }
        return ids;
    }
}
