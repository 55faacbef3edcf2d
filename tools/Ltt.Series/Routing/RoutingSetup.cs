using Ltt.Series.Maintainers;

namespace Ltt.Series.Routing;

/// <summary>
/// Opens the MAINTAINERS of a tree (or a given file) and compiles the router once; reports
/// a missing or broken file through <see cref="Diagnostics"/> instead of throwing.
/// </summary>
public sealed record RoutingSetup(MaintainersRouter? Router, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static RoutingSetup Open(string tree, string? maintainersPath = null)
    {
        string path = maintainersPath ?? Path.Combine(tree, "MAINTAINERS");
        if (!Directory.Exists(tree))
            return new RoutingSetup(null, [new Diagnostic(tree, 0, "tree directory not found")]);
        var file = MaintainersParser.ParseFile(path);
        if (file.HasErrors)
            return new RoutingSetup(null, file.Diagnostics);
        return new RoutingSetup(new MaintainersRouter(MaintainersIndex.Build(file, Path.GetFullPath(tree))), []);
    }
}
