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
    /// (<see cref="MaintainersParser.Parse(string, string, IReadOnlySet{string})"/>), which is what makes a one-patch run start fast.
    /// Routing any other path with it is a mistake.
    /// </param>
    /// <param name="cache">
    /// Where parsed MAINTAINERS and .mailmap files are kept between runs, or null to parse them
    /// every time. A file not in the cache yet is parsed (for <paramref name="paths"/>, as
    /// without a cache) and cached whole when it has no errors.
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
        Input? maintainers;
        Func<byte[], string> decode;
        string label, origin;
        if (maintainersPath is not null)
        {
            if (!File.Exists(maintainersPath))
                return new RoutingSetup(null, MaintainersParser.ParseFile(maintainersPath).Diagnostics);
            maintainers = new Input(maintainersPath, null);
            decode = ReadAllText;
            label = maintainersPath;
            origin = tree is DirectoryTree ? maintainersPath : $"{maintainersPath} (directories and .mailmap of {tree.Name})";
        }
        else
        {
            label = tree.Describe("MAINTAINERS");
            if ((maintainers = Input.Of(tree, "MAINTAINERS")) is null)
                return new RoutingSetup(null, [new Diagnostic(label, 0, "MAINTAINERS file not found")]);
            decode = Encoding.UTF8.GetString;
            origin = tree is DirectoryTree ? label : $"MAINTAINERS of {tree.Name}";
        }
        var mailmap = Input.Of(tree, ".mailmap");
        if (cache is not null && maintainers.Identify() is { } maintainersId && mailmap?.Identify() is var mailmapId && (mailmap is null || mailmapId is not null)
            && cache.TryLoad(RoutingCacheFormat.Key.Of(maintainersId, mailmapId), label, buckets) is { } cached)
            return new RoutingSetup(new MaintainersRouter(MaintainersIndex.Build(cached.File, tree, cached.Mailmap)), []) { Origin = origin };

        // Parsed and cached from the bytes read now, whatever the hashes above saw: a file that
        // changed in between is cached under its new contents.
        byte[] content = maintainers.Read();
        byte[]? mailmapContent = mailmap?.Read();
        string text = decode(content);
        var layout = cache is null ? null : new MaintainersLayout();
        var parsed = MaintainersParser.Parse(label, text, buckets, layout);
        if (parsed.HasErrors)
            return new RoutingSetup(null, parsed.Diagnostics);
        var map = mailmapContent is null ? Mailmap.Empty : Mailmap.Parse(Encoding.UTF8.GetString(mailmapContent));
        cache?.Store(RoutingCacheFormat.Key.Of(content, mailmapContent), text, layout!, map);
        return new RoutingSetup(new MaintainersRouter(MaintainersIndex.Build(parsed, tree, map)), []) { Origin = origin };
    }

    /// <summary>
    /// A file routing reads: on disk (only hashed, through a small buffer, while the cache
    /// answers; read whole to be parsed) or the bytes of a git tree's file.
    /// </summary>
    private sealed class Input(string? path, byte[]? content)
    {
        public static Input? Of(ITreeView tree, string name)
        {
            if (tree is not DirectoryTree directory)
                return tree.ReadFile(name) is { } file ? new Input(null, file.Content) : null;
            string full = Path.Combine(directory.Root, name);
            return File.Exists(full) ? new Input(full, null) : null;
        }

        /// <summary>Length and content hash; null when the file cannot be read (then it is parsed, and that reports it).</summary>
        public (int Length, UInt128 Hash)? Identify() => content is not null ? RoutingCacheFormat.Identify(content) : RoutingCacheFormat.Identify(path!);

        public byte[] Read() => content ?? File.ReadAllBytes(path!);
    }

    /// <summary>Text as <see cref="File.ReadAllText(string)"/> decodes a file: UTF-8 unless a byte order mark says otherwise.</summary>
    private static string ReadAllText(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
