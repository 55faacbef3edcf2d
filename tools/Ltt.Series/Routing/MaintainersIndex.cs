using System.Text.RegularExpressions;
using Ltt.Series.Maintainers;
using Ltt.Series.Trees;

namespace Ltt.Series.Routing;

/// <summary>
/// MAINTAINERS compiled for routing, built once per file. <c>F:</c>/<c>X:</c> patterns are
/// bucketed by the directory their literal prefix names, so a path is only tested against
/// the patterns filed under its own parent directories (a handful, not twenty thousand);
/// plain paths compare strings, globs are matched without regular expressions
/// (<see cref="FilePattern"/>). <c>N:</c> and <c>K:</c> expressions are built once with Perl's
/// <c>/x</c> meaning, interpreted: a one-patch run would spend more compiling them to IL than
/// matching with them.
/// </summary>
public sealed class MaintainersIndex
{
    private readonly Dictionary<string, List<PatternRef>> _buckets = new(StringComparer.Ordinal);
    private readonly List<(MaintainersSection Section, MaintainersEntry Entry, int Order, PerlPattern Pattern)> _names = [];
    private readonly List<KeywordPattern> _keywords = [];

    private MaintainersIndex(MaintainersFile file, ITreeView? tree, Mailmap mailmap)
    {
        File = file;
        Tree = tree;
        Mailmap = mailmap;
        Func<string, bool> isDirectory = tree is null ? _ => false : tree.IsDirectory;
        foreach (var section in file.Sections)
        {
            for (int order = 0; order < section.Entries.Count; order++)
            {
                var entry = section.Entries[order];
                switch (entry.Tag)
                {
                    case 'F' or 'X':
                        var pattern = FilePattern.Create(entry.Value, isDirectory);
                        if (!_buckets.TryGetValue(pattern.Bucket, out var list))
                            _buckets[pattern.Bucket] = list = [];
                        list.Add(new PatternRef(section, entry, order, pattern));
                        break;
                    case 'N':
                        _names.Add((section, entry, order, new PerlPattern(entry.Value, entry.Expression)));
                        break;
                    case 'K':
                        _keywords.Add(new KeywordPattern(entry, new PerlPattern(entry.Value, entry.Expression)));
                        break;
                }
            }
        }
    }

    public MaintainersFile File { get; }

    /// <summary>The kernel tree the patterns were resolved against (directories, .mailmap, binding files), if any.</summary>
    public ITreeView? Tree { get; }

    public Mailmap Mailmap { get; }

    internal IReadOnlyList<KeywordPattern> Keywords => _keywords;

    /// <summary>
    /// Every K: pattern in one alternation: a line it does not match cannot match any keyword,
    /// before the diff or inside it (the in-diff form is the pattern after a prefix), so the
    /// per-keyword patterns run only on the few lines it matches. Each alternative ends its own
    /// line: a <c>#</c> in a pattern (a comment under IgnorePatternWhitespace) ends there too.
    /// </summary>
    /// <remarks>
    /// Called once per line that may hold a keyword, which it counts: null (no screen, every
    /// pattern runs) until a run has scanned <see cref="ScreenAfterLines"/> such lines, or when
    /// the patterns cannot be screened.
    /// </remarks>
    internal Regex? KeywordScreen()
    {
        if (_keywords.Count == 0 || _screenTried)
            return _screen;
        // Building the DFA costs about 60 ms, three times a one-patch run: it pays from a
        // few thousand lines on (238 patches, 30,000 lines: 0.55 s without it, 0.21 s with it).
        // A rough count is enough (a race only moves the moment a little).
        if (++_linesWithoutScreen < ScreenAfterLines)
            return null;
        _screenTried = true;
        try
        {
            // A DFA: one pass over the line for all the alternatives (the backtracking engine
            // tries each alternative at each position, slower than the patterns one by one).
            _screen = new Regex(string.Join("\n|", _keywords.Select(k => "(?:" + k.Entry.Value + "\n)")),
                MaintainersParser.PerlExtended | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // A construct the DFA engine lacks (a backreference, a lookaround): no screen.
        }
        return _screen;
    }

    private const int ScreenAfterLines = 2_000;

    private Regex? _screen;
    private bool _screenTried;
    private int _linesWithoutScreen;

    /// <summary>Builds the index, with the tree's .mailmap; the file must have been parsed without errors.</summary>
    public static MaintainersIndex Build(MaintainersFile file, ITreeView? tree) =>
        Build(file, tree, tree?.ReadFile(".mailmap") is { } mailmap ? Mailmap.Parse(System.Text.Encoding.UTF8.GetString(mailmap.Content)) : Mailmap.Empty);

    /// <summary>Builds the index with a .mailmap already read (from the tree, or from the routing cache).</summary>
    internal static MaintainersIndex Build(MaintainersFile file, ITreeView? tree, Mailmap mailmap)
    {
        if (file.HasErrors)
            throw new ArgumentException("MAINTAINERS has errors; report file.Diagnostics instead of routing", nameof(file));
        return new MaintainersIndex(file, tree, mailmap);
    }

    /// <summary>
    /// The sections that apply to a path, most specific first (ties in file order): a section
    /// counts when one of its <c>F:</c> or <c>N:</c> entries matches and none of its <c>X:</c>
    /// entries does; its depth is the one of the last matching entry, as in the script.
    /// </summary>
    public IReadOnlyList<SectionMatch> Match(string path)
    {
        var excluded = new HashSet<int>();
        var best = new Dictionary<int, (MaintainersEntry Entry, int Order, int Depth)>();
        var candidates = new List<PatternRef>();
        if (_buckets.TryGetValue("", out var root))
            candidates.AddRange(root);
        for (int slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
        {
            if (_buckets.TryGetValue(path[..(slash + 1)], out var list))
                candidates.AddRange(list);
        }
        foreach (var c in candidates)
        {
            if (c.Entry.Tag == 'X' && !excluded.Contains(c.Section.Index) && c.Pattern.Matches(path))
                excluded.Add(c.Section.Index);
        }
        foreach (var c in candidates)
        {
            if (c.Entry.Tag != 'F' || excluded.Contains(c.Section.Index) || !c.Pattern.Matches(path))
                continue;
            Record(best, c.Section.Index, c.Entry, c.Order, c.Pattern.Depth);
        }
        foreach (var (section, entry, order, regex) in _names)
        {
            if (!excluded.Contains(section.Index) && regex.IsMatch(path))
                Record(best, section.Index, entry, order, 0);
        }
        var matches = new List<SectionMatch>(best.Count);
        foreach (var (index, hit) in best)
            matches.Add(new SectionMatch(File.Sections[index], hit.Entry, hit.Depth));
        matches.Sort((a, b) => a.Depth != b.Depth ? b.Depth.CompareTo(a.Depth) : a.Section.Index.CompareTo(b.Section.Index));
        return matches;
    }

    private static void Record(Dictionary<int, (MaintainersEntry Entry, int Order, int Depth)> best, int section, MaintainersEntry entry, int order, int depth)
    {
        // The script overwrites the section's depth with every matching entry: the last one wins.
        if (!best.TryGetValue(section, out var current) || order > current.Order)
            best[section] = (entry, order, depth);
    }

    private sealed record PatternRef(MaintainersSection Section, MaintainersEntry Entry, int Order, FilePattern Pattern);
}
