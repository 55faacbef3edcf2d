namespace Ltt.Tracepoints.Kbuild;

/// <summary>
/// The Kconfig symbols a configuration of one architecture can enable: every symbol defined in
/// the Kconfig files the tree's top <c>Kconfig</c> sources for that architecture
/// (<c>arch/$(SRCARCH)/Kconfig</c> and no other arch's), less those whose dependencies
/// (<c>depends on</c>, the enclosing <c>if</c>, <c>menu</c> and <c>choice</c>) can never hold
/// there, repeated until no more drop out. <c>CONFIG_S390</c> is not defined for x86, so
/// neither is anything that depends on it. Prompts, defaults and <c>select</c> are not
/// evaluated: "can enable" is read generously, a symbol is dropped only when it is certain.
/// A symbol the architecture's Kconfig does not define is n only when another architecture's
/// folder defines it (<c>PPC</c>, <c>ARCH_TEGRA</c>); one defined nowhere, or only in a
/// Kconfig file nothing sources (a partial tree), is taken as one that may be set.
/// </summary>
public sealed class KconfigSymbols
{
    private readonly HashSet<string> _possible;
    private readonly HashSet<string> _defined;
    private readonly HashSet<string> _otherArchitectures;

    private KconfigSymbols(HashSet<string> defined, HashSet<string> possible, HashSet<string> otherArchitectures)
    {
        _defined = defined;
        _possible = possible;
        _otherArchitectures = otherArchitectures;
    }

    /// <summary>How many symbols the architecture's Kconfig defines.</summary>
    public int DefinedCount => _defined.Count;

    /// <summary>True when a configuration of the architecture can set <paramref name="symbol"/> (without its <c>CONFIG_</c> prefix).</summary>
    public bool IsPossible(string symbol) => Possible(symbol, _defined, _possible, _otherArchitectures);

    /// <summary>True when the Kconfig files the architecture reads define <paramref name="symbol"/>.</summary>
    public bool IsDefined(string symbol) => _defined.Contains(symbol);

    private static bool Possible(string symbol, HashSet<string> defined, HashSet<string> possible, HashSet<string> otherArchitectures) =>
        defined.Contains(symbol) ? possible.Contains(symbol) : !otherArchitectures.Contains(symbol);

    /// <summary>Reads the tree's Kconfig for <paramref name="srcArch"/> (an <c>arch/</c> folder name); null when the tree has no top Kconfig.</summary>
    public static KconfigSymbols? Read(string tree, string srcArch)
    {
        string top = Path.Combine(tree, "Kconfig");
        if (!File.Exists(top))
            return null;
        var reader = new Reader(tree, srcArch);
        reader.ReadFile(top);
        var defined = reader.Definitions.Keys.ToHashSet(StringComparer.Ordinal);
        var others = OtherArchitectureSymbols(tree, srcArch);
        var possible = defined.ToHashSet(StringComparer.Ordinal);
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (name, conditions) in reader.Definitions)
            {
                if (possible.Contains(name) && !conditions.Any(c => c.CanHold(s => Possible(s, defined, possible, others))))
                {
                    possible.Remove(name);
                    changed = true;
                }
            }
        }
        return new KconfigSymbols(defined, possible, others);
    }

    /// <summary>The symbols the Kconfig files under the other <c>arch/</c> folders define.</summary>
    private static HashSet<string> OtherArchitectureSymbols(string tree, string srcArch)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        string arch = Path.Combine(tree, "arch");
        if (!Directory.Exists(arch))
            return names;
        foreach (string dir in Directory.GetDirectories(arch).Where(d => Path.GetFileName(d) != srcArch))
        {
            foreach (string file in Directory.EnumerateFiles(dir, "Kconfig*", SearchOption.AllDirectories))
            {
                foreach (string line in File.ReadLines(file))
                {
                    string t = line.TrimStart();
                    if (t.StartsWith("config ", StringComparison.Ordinal) || t.StartsWith("menuconfig ", StringComparison.Ordinal))
                        names.Add(t[(t.IndexOf(' ') + 1)..].Trim());
                }
            }
        }
        return names;
    }

    /// <summary>One pass over the sourced files, collecting each symbol's definitions with their whole dependency.</summary>
    private sealed class Reader(string tree, string srcArch)
    {
        private enum Entry
        {
            None,
            Config,
            Menu,
        }

        private readonly List<Frame> _frames = [];
        private readonly HashSet<string> _reading = new(StringComparer.Ordinal);
        private Entry _entry;
        private string? _symbol;
        private KconfigCondition _symbolCondition = KconfigCondition.Always;

        public Dictionary<string, List<KconfigCondition>> Definitions { get; } = new(StringComparer.Ordinal);

        public void ReadFile(string path)
        {
            if (!File.Exists(path) || !_reading.Add(path) || _reading.Count > 64)
                return;
            string[] lines;
            try
            {
                lines = File.ReadAllLines(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _reading.Remove(path);
                return;
            }
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                while (line.EndsWith('\\') && i + 1 < lines.Length)
                    line = line[..^1] + " " + lines[++i];
                string trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed[0] == '#')
                    continue;
                int space = trimmed.IndexOfAny([' ', '\t']);
                string keyword = space < 0 ? trimmed : trimmed[..space];
                string rest = space < 0 ? "" : trimmed[(space + 1)..].Trim();
                switch (keyword)
                {
                    case "source" or "osource" or "rsource" or "orsource":
                        Finish();
                        string file = Expand(rest.Trim('"'));
                        ReadFile(keyword.StartsWith('r') || keyword.StartsWith("or", StringComparison.Ordinal)
                            ? Path.Combine(Path.GetDirectoryName(path)!, file)
                            : Path.Combine(tree, file));
                        break;
                    case "config" or "menuconfig":
                        Finish();
                        _entry = Entry.Config;
                        _symbol = rest;
                        _symbolCondition = KconfigCondition.Always;
                        break;
                    case "menu" or "choice":
                        Finish();
                        _frames.Add(new Frame(keyword, KconfigCondition.Always));
                        _entry = Entry.Menu;
                        break;
                    case "if":
                        Finish();
                        _frames.Add(new Frame("if", KconfigCondition.Parse(rest)));
                        break;
                    case "endmenu" or "endchoice" or "endif":
                        Finish();
                        if (_frames.Count > 0)
                            _frames.RemoveAt(_frames.Count - 1);
                        break;
                    case "comment" or "mainmenu":
                        Finish();
                        break;
                    case "depends" when rest.StartsWith("on", StringComparison.Ordinal):
                        var condition = KconfigCondition.Parse(rest[2..]);
                        if (_entry == Entry.Config)
                            _symbolCondition = KconfigCondition.And(_symbolCondition, condition);
                        else if (_entry == Entry.Menu && _frames.Count > 0)
                            _frames[^1] = _frames[^1] with { Condition = KconfigCondition.And(_frames[^1].Condition, condition) };
                        break;
                    case "help" or "---help---":
                        i = SkipHelp(lines, i);
                        break;
                }
            }
            Finish();
            _reading.Remove(path);
        }

        private void Finish()
        {
            if (_entry == Entry.Config && _symbol is { Length: > 0 })
            {
                var whole = _frames.Aggregate(_symbolCondition, (c, f) => KconfigCondition.And(f.Condition, c));
                if (!Definitions.TryGetValue(_symbol, out var list))
                    Definitions[_symbol] = list = [];
                list.Add(whole);
            }
            _entry = Entry.None;
            _symbol = null;
        }

        private string Expand(string path) =>
            path.Replace("$(SRCARCH)", srcArch, StringComparison.Ordinal).Replace("$SRCARCH", srcArch, StringComparison.Ordinal)
                .Replace("$(HEADER_ARCH)", srcArch, StringComparison.Ordinal)
                .Replace("$(ARCH)", srcArch, StringComparison.Ordinal);

        /// <summary>The help text ends at the first non-empty line indented less than its own first line.</summary>
        private static int SkipHelp(string[] lines, int helpLine)
        {
            int i = helpLine + 1;
            while (i < lines.Length && lines[i].Trim().Length == 0)
                i++;
            if (i >= lines.Length)
                return i;
            int indent = Indent(lines[i]);
            if (indent <= Indent(lines[helpLine]))
                return i - 1;
            while (i + 1 < lines.Length && (lines[i + 1].Trim().Length == 0 || Indent(lines[i + 1]) >= indent))
                i++;
            return i;
        }

        private static int Indent(string line)
        {
            int width = 0;
            foreach (char c in line)
            {
                if (c == ' ')
                    width++;
                else if (c == '\t')
                    width = (width / 8 + 1) * 8;
                else
                    break;
            }
            return width;
        }

        private sealed record Frame(string Kind, KconfigCondition Condition);
    }
}
