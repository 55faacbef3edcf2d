namespace Ltt.Validation.Kernel;

/// <summary>
/// The modules of one kernel build as <c>depmod</c> lists them: <c>modules.dep</c> (each module file,
/// relative to <c>lib/modules/&lt;release&gt;</c>, with the files it needs) and <c>modules.builtin</c>
/// (what is compiled in). Names are compared as the kernel does, <c>-</c> and <c>_</c> alike.
/// </summary>
public sealed class ModuleIndex
{
    private readonly Dictionary<string, (string File, IReadOnlyList<string> Needs)> _byName;
    private readonly HashSet<string> _builtin;

    private ModuleIndex(Dictionary<string, (string, IReadOnlyList<string>)> byName, HashSet<string> builtin)
    {
        _byName = byName;
        _builtin = builtin;
    }

    /// <summary>Reads <paramref name="modulesDir"/>; null with a message naming the file and line when it cannot.</summary>
    public static ModuleIndex? Load(string modulesDir, out string? error)
    {
        error = null;
        string dep = Path.Combine(modulesDir, "modules.dep");
        if (!File.Exists(dep))
        {
            error = $"{dep}: no such file (run depmod -b <root> <release> after unpacking the image)";
            return null;
        }
        var byName = new Dictionary<string, (string, IReadOnlyList<string>)>(StringComparer.Ordinal);
        int number = 0;
        foreach (string line in File.ReadLines(dep))
        {
            number++;
            if (line.Length == 0)
                continue;
            int colon = line.IndexOf(':');
            if (colon <= 0)
            {
                error = $"{dep}:{number}: not '<module file>: <needed files>'";
                return null;
            }
            string file = line[..colon];
            var needs = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            byName.TryAdd(NameOf(file), (file, needs));
        }
        var builtin = new HashSet<string>(StringComparer.Ordinal);
        string builtinFile = Path.Combine(modulesDir, "modules.builtin");
        if (File.Exists(builtinFile))
        {
            foreach (string line in File.ReadLines(builtinFile))
            {
                if (line.Length > 0)
                    builtin.Add(NameOf(line));
            }
        }
        return new ModuleIndex(byName, builtin);
    }

    /// <summary>The module name of a file: <c>kernel/fs/9p/9p.ko.xz</c> is <c>9p</c>, <c>crc32c-intel.ko</c> is <c>crc32c_intel</c>.</summary>
    public static string NameOf(string file)
    {
        string name = Path.GetFileName(file);
        int ko = name.IndexOf(".ko", StringComparison.Ordinal);
        return (ko > 0 ? name[..ko] : name).Replace('-', '_');
    }

    public bool IsBuiltin(string name) => _builtin.Contains(name.Replace('-', '_'));

    public bool Contains(string name) => _byName.ContainsKey(name.Replace('-', '_'));

    /// <summary>
    /// The files to load for <paramref name="names"/>, each after the files it needs, each once;
    /// built-in names need nothing. Names neither built in nor listed go to <paramref name="missing"/>.
    /// </summary>
    public IReadOnlyList<string> LoadOrder(IEnumerable<string> names, List<string> missing)
    {
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string raw in names)
        {
            string name = raw.Replace('-', '_');
            if (_byName.TryGetValue(name, out var entry))
                Add(entry.File, entry.Needs);
            else if (!_builtin.Contains(name))
                missing.Add(raw);
        }
        return order;

        void Add(string file, IReadOnlyList<string> needs)
        {
            if (!seen.Add(file))
                return;
            // modules.dep lists every module needed, directly or not; each one's own line orders them.
            foreach (string need in needs)
            {
                if (_byName.TryGetValue(NameOf(need), out var inner))
                    Add(inner.File, inner.Needs);
            }
            order.Add(file);
        }
    }
}
