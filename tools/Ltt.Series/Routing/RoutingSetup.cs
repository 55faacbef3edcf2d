using System.Text;
using Ltt.Series.Maintainers;
using Ltt.Series.Trees;

namespace Ltt.Series.Routing;

/// <summary>
/// Opens the MAINTAINERS of a tree (or a given file) and compiles the router once; reports
/// a missing or broken file through <see cref="Diagnostics"/> instead of throwing.
/// </summary>
public sealed record RoutingSetup(MaintainersRouter? Router, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Which MAINTAINERS routes, as the plan names it: <c>linux/MAINTAINERS</c> or <c>MAINTAINERS of commit 1a2b3c4d5e6f (tip)</c>.</summary>
    public string Origin { get; init; } = "";

    public static RoutingSetup Open(string tree, string? maintainersPath = null)
    {
        if (!Directory.Exists(tree))
            return new RoutingSetup(null, [new Diagnostic(tree, 0, "tree directory not found")]);
        return Open(new DirectoryTree(tree), maintainersPath);
    }

    /// <param name="tree">Where directories, <c>.mailmap</c> and touched binding files are read, and MAINTAINERS unless <paramref name="maintainersPath"/> is given.</param>
    /// <param name="maintainersPath">A MAINTAINERS file on disk to route with instead of the tree's own.</param>
    /// <param name="paths">
    /// When given, the only paths this router will be asked about (<see cref="PatchScan.Paths"/>
    /// of every patch): MAINTAINERS is read keeping only the sections that can match them
    /// (<see cref="MaintainersParser.Parse"/>), which is what makes a one-patch run start fast.
    /// Routing any other path with it is a mistake.
    /// </param>
    /// <param name="cache">
    /// Where parsed MAINTAINERS and .mailmap files are kept between runs, or null to parse them
    /// every time. A file not in the cache yet is parsed whole (<paramref name="paths"/> then
    /// only narrow what later runs read back) and cached when it has no errors.
    /// </param>
    public static RoutingSetup Open(ITreeView tree, string? maintainersPath, IEnumerable<string>? paths = null, RoutingCache? cache = null)
    {
        HashSet<string>? buckets = null;
        if (paths is not null)
        {
            buckets = new HashSet<string>(StringComparer.Ordinal) { "" };
            foreach (string path in paths)
                for (int slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
                    buckets.Add(path[..(slash + 1)]);
        }
        byte[] content;
        Func<byte[], string> decode;
        string label, origin;
        if (maintainersPath is not null)
        {
            if (!File.Exists(maintainersPath))
                return new RoutingSetup(null, MaintainersParser.ParseFile(maintainersPath).Diagnostics);
            content = File.ReadAllBytes(maintainersPath);
            decode = ReadAllText;
            label = maintainersPath;
            origin = tree is DirectoryTree ? maintainersPath : $"{maintainersPath} (directories and .mailmap of {tree.Name})";
        }
        else
        {
            label = tree.Describe("MAINTAINERS");
            if (tree.ReadFile("MAINTAINERS") is not { } file)
                return new RoutingSetup(null, [new Diagnostic(label, 0, "MAINTAINERS file not found")]);
            content = file.Content;
            decode = Encoding.UTF8.GetString;
            origin = tree is DirectoryTree ? label : $"MAINTAINERS of {tree.Name}";
        }
        byte[]? mailmapContent = tree.ReadFile(".mailmap")?.Content;
        var key = cache is null ? default : RoutingCacheFormat.Key.Of(content, mailmapContent);
        if (cache?.TryLoad(key, label, buckets) is { } cached)
            return new RoutingSetup(new MaintainersRouter(MaintainersIndex.Build(cached.File, tree, cached.Mailmap)), []) { Origin = origin };

        var parsed = MaintainersParser.Parse(label, decode(content), cache is null ? buckets : null);
        if (parsed.HasErrors)
            return new RoutingSetup(null, parsed.Diagnostics);
        var mailmap = mailmapContent is null ? Mailmap.Empty : Mailmap.Parse(Encoding.UTF8.GetString(mailmapContent));
        cache?.Store(key, parsed, mailmap);
        return new RoutingSetup(new MaintainersRouter(MaintainersIndex.Build(parsed, tree, mailmap)), []) { Origin = origin };
    }

    /// <summary>Text as <see cref="File.ReadAllText(string)"/> decodes a file: UTF-8 unless a byte order mark says otherwise.</summary>
    private static string ReadAllText(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
