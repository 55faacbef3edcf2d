using System.Text.RegularExpressions;

namespace Ltt.Tracepoints.Kbuild;

public sealed partial class BuildScope
{
    /// <summary>
    /// The <c>CONFIG_</c> options under which the Makefile (or Kbuild) of a source file's folder builds its
    /// object: <c>iwlwifi-$(CONFIG_IWLWIFI_DEVICE_TRACING) += iwl-devtrace.o</c> gives
    /// CONFIG_IWLWIFI_DEVICE_TRACING. Empty when a line lists the object unconditionally (<c>-y</c>,
    /// <c>-objs</c>) or none lists it (a file built from another folder's Makefile).
    /// </summary>
    /// <param name="relativeFile">The .c file, relative to the tree, '/' separators.</param>
    public IReadOnlyList<string> ObjectConditions(string relativeFile)
    {
        int slash = relativeFile.LastIndexOf('/');
        string folder = slash < 0 ? "" : relativeFile[..(slash + 1)];
        string target = Path.GetFileNameWithoutExtension(relativeFile) + ".o";
        var symbols = new List<string>();
        foreach (string name in new[] { "Kbuild", "Makefile" })
        {
            string path = Path.Combine(_tree, folder, name);
            string[] lines;
            try
            {
                lines = File.Exists(path) ? File.ReadAllLines(path) : [];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                while (line.EndsWith('\\') && i + 1 < lines.Length)
                    line = line[..^1] + " " + lines[++i];
                var m = ObjectList().Match(line);
                if (!m.Success)
                    continue;
                string items = m.Groups["items"].Value;
                int hash = items.IndexOf('#');
                if (hash >= 0)
                    items = items[..hash];
                if (!items.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Contains(target))
                    continue;
                if (!m.Groups["config"].Success)
                    return [];
                symbols.Add(m.Groups["config"].Value);
            }
        }
        return symbols.Distinct().ToList();
    }

    [GeneratedRegex(@"^\s*[\w.-]+-(?:\$\((?<config>CONFIG_\w+)\)|y|objs)\s*[+:]?=\s*(?<items>.*)$")]
    private static partial Regex ObjectList();
}
