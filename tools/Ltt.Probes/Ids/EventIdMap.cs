using System.Text;
using Ltt.Tracepoints.Model;

namespace Ltt.Probes.Ids;

/// <summary>
/// The committed map from event name to numeric id (<c>ltt/event-ids</c>), so that adding an
/// event never renumbers the others. Ids 0 and 1 stay reserved for LTTng's own metadata markers
/// (<c>metadata.core_marker_id</c>, <c>metadata.core_marker_format</c>). An event missing from
/// the map gets the next free id, in name order; the generator writes the grown map next to its
/// output, and <see cref="EventIdFile"/> appends the new lines to the tree's file; an event that disappeared keeps its line, so its id is
/// never handed to another event.
/// </summary>
public sealed class EventIdMap
{
    public const int FirstId = 2;

    private readonly SortedDictionary<string, int> _ids;

    private EventIdMap(SortedDictionary<string, int> ids) => _ids = ids;

    public static EventIdMap Empty => new(new SortedDictionary<string, int>(StringComparer.Ordinal));

    public IReadOnlyDictionary<string, int> Ids => _ids;

    public static EventIdMapParseResult Parse(string text, string file)
    {
        var ids = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byId = new Dictionary<int, (string Name, int Line)>();
        var diagnostics = new List<ScanDiagnostic>();
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int hash = line.IndexOf('#');
            if (hash >= 0)
                line = line[..hash];
            string[] words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
                continue;
            var location = new SourceLocation(file, i + 1);
            if (words.Length != 2 || !int.TryParse(words[0], out int id) || id < FirstId || id > 65535 || !IsEventName(words[1]))
            {
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, location,
                    $"expected '<id> <event>' with an id from {FirstId} to 65535, found '{line.Trim()}'"));
                continue;
            }
            if (byId.TryGetValue(id, out var owner))
            {
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, location,
                    $"id {id} is given to {words[1]} and to {owner.Name} (line {owner.Line})"));
                continue;
            }
            if (!ids.TryAdd(words[1], id))
            {
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, location, $"event {words[1]} has two ids"));
                continue;
            }
            byId[id] = (words[1], i + 1);
        }
        return new EventIdMapParseResult(new EventIdMap(ids), diagnostics);
    }

    /// <summary>Loads the map of a tree; a tree without one starts empty.</summary>
    public static EventIdMapParseResult Load(string treeRoot, string relativePath = "ltt/event-ids")
    {
        string path = Path.Combine(treeRoot, relativePath);
        return File.Exists(path) ? Parse(File.ReadAllText(path), relativePath) : new EventIdMapParseResult(Empty, []);
    }

    /// <summary>
    /// The ids of <paramref name="events"/>: kept from the map where it has them, the next free ones
    /// (in name order) for new events. Returns the grown map and the names that were new.
    /// </summary>
    public (EventIdMap Map, IReadOnlyList<string> Added) Assign(IEnumerable<string> events)
    {
        var ids = new SortedDictionary<string, int>(_ids, StringComparer.Ordinal);
        int next = ids.Count == 0 ? FirstId : Math.Max(FirstId, ids.Values.Max() + 1);
        var added = new List<string>();
        foreach (string name in events.Distinct().Order(StringComparer.Ordinal))
        {
            if (ids.ContainsKey(name))
                continue;
            ids[name] = next++;
            added.Add(name);
        }
        return (new EventIdMap(ids), added);
    }

    public int this[string name] => _ids[name];

    /// <summary>The comment the file starts with.</summary>
    public const string Header =
        "# ltt/event-ids: stable numeric ids of the events ltt-gen generates.\n" +
        "# One '<id> <event>' per line. Never renumber or reuse a line: a trace\n" +
        "# reader keys on these ids. ltt-gen appends new events (see its warning).\n";

    /// <summary>One line of the file: <c>133 sched_foo</c> and its newline.</summary>
    public static string Line(string name, int id) => $"{id} {name}\n";

    /// <summary>The file text: the header, then one <c>id name</c> line per event in id order.</summary>
    public string Write()
    {
        var text = new StringBuilder(Header);
        foreach (var (name, id) in _ids.OrderBy(p => p.Value))
            text.Append(Line(name, id));
        return text.ToString();
    }

    /// <summary>
    /// A tracepoint's name: letters, digits and '_' (it may start with a digit, as 9p's
    /// <c>9p_client_req</c>: the C names built from it carry a prefix, <c>__tracepoint_9p_client_req</c>).
    /// </summary>
    private static bool IsEventName(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
