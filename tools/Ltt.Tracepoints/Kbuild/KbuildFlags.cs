using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Ltt.Tracepoints.Kbuild;

/// <summary>
/// The include paths and defines a folder's Kbuild files give the files it compiles:
/// <c>ccflags-y += -I $(srctree)/$(src)/libxfs</c> (fs/xfs), <c>subdir-ccflags-y</c> of the
/// folders above, <c>CFLAGS_iwl-devtrace.o := -I$(src)</c> for one object. A trace header of
/// such a folder (and the .c file that instantiates it) only compiles with them. Only
/// <c>-I</c>, <c>-iquote</c> and <c>-D</c> are taken (a <c>-D</c> only when no <c>CONFIG_</c>
/// option conditions it); <c>$(srctree)</c>, <c>$(src)</c>,
/// <c>$(obj)</c> and the Makefile's own simple variables are substituted, and an item that
/// still names a variable is left out. Safe to call from several threads.
/// </summary>
public sealed partial class KbuildFlags
{
    private static readonly string[] FlagVariables = ["ccflags", "subdir-ccflags", "EXTRA_CFLAGS", "asflags"];

    private readonly string _tree;
    private readonly ConcurrentDictionary<string, Folder> _folders = new(StringComparer.Ordinal);

    public KbuildFlags(string tree) => _tree = Path.GetFullPath(tree);

    /// <summary>
    /// The flags for a file of <paramref name="relativeFolder"/> ('/' separators, no trailing one;
    /// empty for the top): the folder's own, the <c>subdir-</c> flags of every folder above, and
    /// with <paramref name="objectFile"/> (<c>xfs_trace.o</c>) that object's <c>CFLAGS_</c>.
    /// A folder without Kbuild files is compiled by the nearest one above (fs/xfs/scrub/ by
    /// fs/xfs/Makefile's <c>scrub/...o</c> objects): its flags are that one's.
    /// </summary>
    public IReadOnlyList<string> For(string relativeFolder, string? objectFile = null)
    {
        while (relativeFolder.Length > 0 && !_folders.GetOrAdd(relativeFolder, Read).HasKbuild)
        {
            objectFile = objectFile is null ? null : relativeFolder[(relativeFolder.LastIndexOf('/') + 1)..] + "/" + objectFile;
            relativeFolder = Parent(relativeFolder);
        }
        var flags = new List<string>();
        var chain = new List<string>();
        for (string f = relativeFolder; ; f = Parent(f))
        {
            chain.Add(f);
            if (f.Length == 0)
                break;
        }
        chain.Reverse();
        foreach (string f in chain)
        {
            var folder = _folders.GetOrAdd(f, Read);
            flags.AddRange(folder.Subdir);
            if (f == relativeFolder)
            {
                flags.AddRange(folder.Own);
                if (objectFile is not null && folder.PerObject.TryGetValue(objectFile, out var perObject))
                    flags.AddRange(perObject);
            }
        }
        return flags.Distinct().ToList();
    }

    private Folder Read(string relativeFolder)
    {
        var own = new List<string>();
        var subdir = new List<string>();
        var perObject = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        bool hasKbuild = false;
        foreach (string name in new[] { "Kbuild", "Makefile" })
        {
            string path = Path.Combine(_tree, relativeFolder, name);
            if (!File.Exists(path))
                continue;
            hasKbuild = true;
            var lines = Logical(path);
            var variables = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["srctree"] = _tree,
                ["src"] = relativeFolder,
                ["obj"] = relativeFolder,
            };
            foreach (string line in lines)
            {
                var definition = Definition().Match(line);
                if (definition.Success && !definition.Groups["name"].Value.Contains('-'))
                    variables.TryAdd(definition.Groups["name"].Value, definition.Groups["value"].Value.Trim());
            }
            foreach (string line in lines)
            {
                var m = Assignment().Match(line);
                if (!m.Success)
                    continue;
                string target = m.Groups["target"].Value;
                string value = m.Groups["value"].Value;
                // Under a CONFIG_ option (ccflags-$(CONFIG_X)): its include paths are harmless to add, its defines are not.
                bool conditional = target.Contains("$(", StringComparison.Ordinal);
                if (target.StartsWith("CFLAGS_", StringComparison.Ordinal) && target.EndsWith(".o", StringComparison.Ordinal))
                {
                    string obj = target["CFLAGS_".Length..];
                    if (!perObject.TryGetValue(obj, out var list))
                        perObject[obj] = list = [];
                    list.AddRange(Flags(value, variables, conditional));
                }
                else if (target.StartsWith("subdir-ccflags", StringComparison.Ordinal))
                {
                    subdir.AddRange(Flags(value, variables, conditional));
                }
                else if (FlagVariables.Any(v => target == v || target.StartsWith(v + "-", StringComparison.Ordinal)) && !target.StartsWith("asflags", StringComparison.Ordinal))
                {
                    own.AddRange(Flags(value, variables, conditional));
                }
            }
            break; // Kbuild, when a folder has one, is what kbuild reads
        }
        return new Folder(own, subdir, perObject, hasKbuild);
    }

    /// <summary>The -I, -iquote and -D items of a flags value, paths made absolute.</summary>
    private IEnumerable<string> Flags(string value, Dictionary<string, string> variables, bool conditional)
    {
        int hash = value.IndexOf('#');
        if (hash >= 0)
            value = value[..hash];
        var words = value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < words.Length; i++)
        {
            string word = words[i];
            string? option = word.StartsWith("-iquote", StringComparison.Ordinal) ? "-iquote" : word.StartsWith("-I", StringComparison.Ordinal) ? "-I" :
                word.StartsWith("-D", StringComparison.Ordinal) ? "-D" : null;
            if (option is null)
                continue;
            string argument = word[option.Length..];
            if (argument.Length == 0 && i + 1 < words.Length)
                argument = words[++i];
            string? expanded = Expand(argument, variables, 0);
            if (expanded is null || expanded.Length == 0 || expanded.Contains('"') || expanded.Contains('\''))
                continue;
            if (option == "-D")
            {
                if (!conditional)
                    yield return "-D" + expanded;
                continue;
            }
            string full = Path.IsPathRooted(expanded) ? expanded : Path.Combine(_tree, expanded);
            full = Path.GetFullPath(full);
            if (Directory.Exists(full))
                yield return option == "-I" ? "-I" + full : "-iquote" + full;
        }
    }

    private static string? Expand(string text, Dictionary<string, string> variables, int depth)
    {
        if (!text.Contains("$(", StringComparison.Ordinal))
            return text;
        if (depth > 4)
            return null;
        bool unknown = false;
        string result = Reference().Replace(text, m =>
        {
            if (variables.TryGetValue(m.Groups[1].Value, out string? v))
                return v;
            unknown = true;
            return "";
        });
        return unknown ? null : Expand(result, variables, depth + 1);
    }

    /// <summary>The file's lines with backslash continuations joined.</summary>
    private static List<string> Logical(string path)
    {
        var result = new List<string>();
        try
        {
            string? pending = null;
            foreach (string raw in File.ReadLines(path))
            {
                string line = pending is null ? raw : pending + " " + raw;
                if (line.EndsWith('\\'))
                {
                    pending = line[..^1];
                    continue;
                }
                pending = null;
                result.Add(line);
            }
            if (pending is not null)
                result.Add(pending);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable Makefile gives no flags; the parse then says what does not compile.
        }
        return result;
    }

    private static string Parent(string folder)
    {
        int slash = folder.LastIndexOf('/');
        return slash < 0 ? "" : folder[..slash];
    }

    [GeneratedRegex(@"^\s*(?<target>[A-Za-z_][\w.$()/-]*?)\s*(\+=|:=|\?=|=)\s*(?<value>.*)$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(:=|\?=|=)\s*(?<value>.*)$")]
    private static partial Regex Definition();

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();

    private sealed record Folder(List<string> Own, List<string> Subdir, Dictionary<string, List<string>> PerObject, bool HasKbuild);
}
