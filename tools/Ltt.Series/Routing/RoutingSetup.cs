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
    public static RoutingSetup Open(ITreeView tree, string? maintainersPath, IEnumerable<string>? paths = null)
    {
        HashSet<string>? buckets = null;
        if (paths is not null)
        {
            buckets = new HashSet<string>(StringComparer.Ordinal) { "" };
            foreach (string path in paths)
                for (int slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
                    buckets.Add(path[..(slash + 1)]);
        }
        MaintainersFile file;
        string origin;
        if (maintainersPath is not null)
        {
            file = File.Exists(maintainersPath) ? MaintainersParser.Parse(maintainersPath, File.ReadAllText(maintainersPath), buckets) : MaintainersParser.ParseFile(maintainersPath);
            origin = tree is DirectoryTree ? maintainersPath : $"{maintainersPath} (directories and .mailmap of {tree.Name})";
        }
        else
        {
            string label = tree.Describe("MAINTAINERS");
            if (tree.ReadFile("MAINTAINERS") is not { } content)
                return new RoutingSetup(null, [new Diagnostic(label, 0, "MAINTAINERS file not found")]);
            file = MaintainersParser.Parse(label, Encoding.UTF8.GetString(content.Content), buckets);
            origin = tree is DirectoryTree ? label : $"MAINTAINERS of {tree.Name}";
        }
        if (file.HasErrors)
            return new RoutingSetup(null, file.Diagnostics);
        return new RoutingSetup(new MaintainersRouter(MaintainersIndex.Build(file, tree)), []) { Origin = origin };
    }
}
