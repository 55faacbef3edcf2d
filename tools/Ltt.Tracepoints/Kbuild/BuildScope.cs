using System.Text.RegularExpressions;

namespace Ltt.Tracepoints.Kbuild;

/// <summary>
/// Which folders of a kernel tree a build for one architecture compiles, read from the tree's
/// own Kbuild files: <c>arch/&lt;other&gt;/</c> never; a folder that Makefiles name as a
/// subdirectory (<c>obj-$(CONFIG_X) += dir/</c>, an arch Makefile's <c>drivers-y += drivers/s390/</c>)
/// only when one of those namings can hold: its Makefile is in the build and its
/// <c>CONFIG_</c> symbols can be enabled for the architecture (<see cref="KconfigSymbols"/>).
/// A folder no Makefile names (headers beside their sources, <c>include/</c>) goes with its parent.
/// The answer is generous: a folder is out only when the tree says so for certain.
/// </summary>
public sealed partial class BuildScope
{
    private static readonly string[] ListVariables = ["obj", "subdir", "core", "drivers", "libs", "net", "virt"];

    private readonly string _tree;
    private readonly string _srcArch;
    private readonly Lazy<KconfigSymbols?> _kconfig;
    private readonly Dictionary<string, OutOfBuild?> _folders = new(StringComparer.Ordinal) { [""] = null };
    private readonly Dictionary<string, List<Naming>> _namingsIn = new(StringComparer.Ordinal);
    private List<Naming>? _archNamings;

    private BuildScope(string tree, string srcArch)
    {
        _tree = tree;
        _srcArch = srcArch;
        _kconfig = new Lazy<KconfigSymbols?>(() => KconfigSymbols.Read(tree, srcArch));
    }

    /// <summary>The scope of <paramref name="tree"/> for the architecture folder <paramref name="srcArch"/> (<c>x86</c>, <c>arm64</c>).</summary>
    public static BuildScope Create(string tree, string srcArch) => new(Path.GetFullPath(tree), srcArch);

    /// <summary>Null when the file (relative to the tree, '/' separators) belongs to the build; otherwise the folder that keeps it out and why.</summary>
    public OutOfBuild? WhyNotBuilt(string relativeFile)
    {
        int slash = relativeFile.LastIndexOf('/');
        return slash < 0 ? null : Folder(relativeFile[..(slash + 1)]);
    }

    /// <summary>The answer for a folder ("a/b/"), its parents first.</summary>
    private OutOfBuild? Folder(string folder)
    {
        if (_folders.TryGetValue(folder, out var known))
            return known;
        _folders[folder] = null; // a naming cycle reads as "in the build"
        string parent = Parent(folder);
        OutOfBuild? result = Folder(parent);
        if (result is null)
        {
            if (parent == "arch/" && folder != $"arch/{_srcArch}/" && Directory.Exists(Path.Combine(_tree, folder)))
                result = new OutOfBuild(folder, "another architecture's build");
            else
                result = ByNamings(folder);
        }
        _folders[folder] = result;
        return result;
    }

    private OutOfBuild? ByNamings(string folder)
    {
        var namings = NamingsOf(folder).ToList();
        if (namings.Count == 0)
            return null;
        Naming? first = null;
        foreach (var naming in namings)
        {
            if (Folder(Parent(naming.Makefile)) is null && ConditionCanHold(naming.Symbols))
                return null;
            first ??= naming;
        }
        string where = first!.Makefile;
        if (Folder(Parent(where)) is { } makefileOut)
            return new OutOfBuild(folder, $"named only by {where}, in {makefileOut.Folder} ({makefileOut.Reason})");
        string symbols = string.Join(" or ", first.Symbols.Select(s => "CONFIG_" + s));
        return new OutOfBuild(folder, $"needs {symbols} ({where}), which no {_srcArch} configuration can enable");
    }

    private bool ConditionCanHold(IReadOnlyList<string> symbols) =>
        symbols.Count == 0 || _kconfig.Value is not { } kconfig || symbols.Any(kconfig.IsPossible);

    /// <summary>Every Makefile line that names <paramref name="folder"/> as a subdirectory to descend into.</summary>
    private IEnumerable<Naming> NamingsOf(string folder)
    {
        _archNamings ??= ArchNamings();
        foreach (var naming in _archNamings.Where(n => n.Folder == folder))
            yield return naming;
        for (string above = Parent(folder); ; above = Parent(above))
        {
            foreach (var naming in NamingsIn(above).Where(n => n.Folder == folder))
                yield return naming;
            if (above.Length == 0)
                break;
        }
    }

    /// <summary>The arch Makefiles name folders from the top of the tree (<c>drivers-y += drivers/s390/</c>).</summary>
    private List<Naming> ArchNamings()
    {
        var list = new List<Naming>();
        string arch = Path.Combine(_tree, "arch");
        if (!Directory.Exists(arch))
            return list;
        foreach (string dir in Directory.GetDirectories(arch).Order(StringComparer.Ordinal))
        {
            string makefile = Path.Combine(dir, "Makefile");
            if (File.Exists(makefile))
                list.AddRange(Read(makefile, $"arch/{Path.GetFileName(dir)}/Makefile", "", fromTop: true));
        }
        return list;
    }

    private List<Naming> NamingsIn(string folder)
    {
        if (_namingsIn.TryGetValue(folder, out var known))
            return known;
        var list = new List<Naming>();
        foreach (string name in new[] { "Kbuild", "Makefile" })
        {
            string path = Path.Combine(_tree, folder, name);
            if (File.Exists(path) && !(folder.StartsWith("arch/", StringComparison.Ordinal) && Parent(folder) == "arch/" && name == "Makefile"))
                list.AddRange(Read(path, folder + name, folder, fromTop: false));
        }
        _namingsIn[folder] = list;
        return list;
    }

    private IEnumerable<Naming> Read(string path, string shown, string folder, bool fromTop)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            while (line.EndsWith('\\') && i + 1 < lines.Length)
                line = line[..^1] + " " + lines[++i];
            var m = Assignment().Match(line);
            if (!m.Success || !ListVariables.Contains(m.Groups["var"].Value) || fromTop && m.Groups["var"].Value is "obj" or "subdir")
                continue;
            string condition = m.Groups["cond"].Value;
            var symbols = ConfigSymbol().Matches(condition).Select(s => s.Groups[1].Value).Distinct().ToList();
            string items = m.Groups["items"].Value;
            int hash = items.IndexOf('#');
            if (hash >= 0)
                items = items[..hash];
            foreach (string raw in items.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                string item = raw.Replace("$(SRCARCH)", _srcArch, StringComparison.Ordinal);
                bool isDir = item.EndsWith('/') || m.Groups["var"].Value == "subdir";
                if (!isDir || item.Contains('$') || item.StartsWith('/') || item.StartsWith('-'))
                    continue;
                string target = Normalize(folder + item.TrimEnd('/') + "/");
                if (target.Length > 0 && !target.StartsWith("../", StringComparison.Ordinal))
                    yield return new Naming(target, shown, symbols);
            }
        }
    }

    private static string Normalize(string folder)
    {
        var parts = new List<string>();
        foreach (string part in folder.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
                continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
                parts.RemoveAt(parts.Count - 1);
            else
                parts.Add(part);
        }
        return parts.Count == 0 ? "" : string.Join('/', parts) + "/";
    }

    private static string Parent(string path)
    {
        string trimmed = path.TrimEnd('/');
        int slash = trimmed.LastIndexOf('/');
        return slash < 0 ? "" : trimmed[..(slash + 1)];
    }

    [GeneratedRegex(@"^\s*(?<var>[a-z]+)-(?<cond>\S*?)\s*[+:?]?=\s*(?<items>.*)$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"CONFIG_([A-Za-z0-9_]+)")]
    private static partial Regex ConfigSymbol();

    /// <summary>A Makefile line naming <see cref="Folder"/>, under the <c>CONFIG_</c> symbols of its variable (none: always).</summary>
    private sealed record Naming(string Folder, string Makefile, IReadOnlyList<string> Symbols);
}
