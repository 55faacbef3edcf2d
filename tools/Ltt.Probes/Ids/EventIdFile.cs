namespace Ltt.Probes.Ids;

/// <summary>
/// Grows a tree's committed id map (<c>ltt/event-ids</c>) in place, for
/// <c>ltt-gen probes --update-ids</c>: the lines of the new events are appended to the file's
/// text as it is, so no existing line is renumbered, reordered or reformatted, and the new
/// file takes the old one's place in one rename, so a reader never sees half of it.
/// </summary>
public static class EventIdFile
{
    /// <summary>
    /// Appends <c>&lt;id&gt; &lt;event&gt;</c> for each of <paramref name="added"/>, in id order, to
    /// <paramref name="relativePath"/> under <paramref name="treeRoot"/> (creating it with the
    /// map's header when the tree has none). <paramref name="grown"/> is the map the ids were
    /// assigned from; if the file no longer agrees with it (edited meanwhile), nothing is written.
    /// Returns null, or why the file was not updated.
    /// </summary>
    public static string? Append(string treeRoot, string relativePath, EventIdMap grown, IReadOnlyList<string> added)
    {
        if (added.Count == 0)
            return null;
        string path = Path.Combine(treeRoot, relativePath);
        string temp = Path.Combine(Path.GetDirectoryName(path) ?? ".", $".{Path.GetFileName(path)}.tmp-{Environment.ProcessId}");
        try
        {
            string? text = File.Exists(path) ? File.ReadAllText(path) : null;
            var current = EventIdMap.Parse(text ?? "", relativePath);
            if (current.HasErrors)
                return $"{relativePath}: {current.Diagnostics.First(d => d.Severity == Tracepoints.Model.DiagnosticSeverity.Error)}";
            foreach (var (name, id) in current.Map.Ids)
            {
                if (!grown.Ids.TryGetValue(name, out int assigned) || assigned != id || added.Contains(name))
                    return $"{relativePath} changed while ltt-gen ran ({name} is {id} there): run it again";
            }

            var lines = added.Select(name => (Name: name, Id: grown[name])).OrderBy(l => l.Id);
            string grownText = text ?? EventIdMap.Header;
            if (grownText.Length > 0 && !grownText.EndsWith('\n'))
                grownText += "\n";
            grownText += string.Concat(lines.Select(l => EventIdMap.Line(l.Name, l.Id)));

            Directory.CreateDirectory(Path.GetDirectoryName(path) ?? ".");
            File.WriteAllText(temp, grownText);
            File.Move(temp, path, overwrite: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temp))
                File.Delete(temp);
            return $"{relativePath}: {ex.Message}";
        }
    }
}
