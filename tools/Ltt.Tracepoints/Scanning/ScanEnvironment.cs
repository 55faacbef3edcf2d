using Ltt.Clang;
using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Scanning;

/// <summary>
/// What every header parse of one scan shares: the compiler arguments, the prelude (as a PCH when
/// libclang could build one), the virtual files, and how paths are shown relative to the tree.
/// </summary>
internal sealed class ScanEnvironment : IDisposable
{
    private const string PreludeResource = "Ltt.Tracepoints.Scanning.scan-prelude.h";

    private readonly string _workDir;

    private ScanEnvironment(string tree, string? build, KernelCompilerFlags flags, string workDir, IReadOnlyList<UnsavedFile> virtualFiles)
    {
        Tree = tree;
        Kbuild = new Kbuild.KbuildFlags(tree);
        Build = build;
        Flags = flags;
        _workDir = workDir;
        VirtualFiles = virtualFiles;
        PreludePath = Path.Combine(workDir, "ltt-scan-prelude.h");
    }

    public string Tree { get; }

    /// <summary>The include paths and defines the tree's Kbuild files give each folder (fs/xfs's libxfs).</summary>
    public Kbuild.KbuildFlags Kbuild { get; }

    public string? Build { get; }

    public KernelCompilerFlags Flags { get; }

    public string PreludePath { get; }

    /// <summary>The precompiled prelude, or null when each parse reads the prelude itself.</summary>
    public string? PchPath { get; private set; }

    public IReadOnlyList<UnsavedFile> VirtualFiles { get; }

    public static ScanEnvironment Create(string tree, string? build, KernelCompilerFlags flags)
    {
        string work = Path.Combine(Path.GetTempPath(), "ltt-scan-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        var virtualFiles = new List<UnsavedFile>();
        if (!flags.HasConfig)
        {
            // An unconfigured tree: kconfig.h still needs an autoconf.h, an empty one leaves every CONFIG_ unset.
            virtualFiles.Add(new UnsavedFile(Path.Combine(tree, "include", "generated", "autoconf.h"),
                "/* ltt-gen scan: no .config, every CONFIG_ option is unset */\n"));
        }
        var env = new ScanEnvironment(tree, build, flags, work, virtualFiles);
        using Stream prelude = typeof(ScanEnvironment).Assembly.GetManifestResourceStream(PreludeResource)
            ?? throw new InvalidOperationException("the scan prelude is not embedded");
        using (FileStream file = File.Create(env.PreludePath))
            prelude.CopyTo(file);
        return env;
    }

    /// <summary>
    /// Compiles the prelude once into a PCH shared by every header parse. Returns the prelude's errors
    /// (the tree's tracepoint.h does not parse): then parses read the prelude text instead.
    /// </summary>
    private readonly HashSet<string> _preludeNames = new(StringComparer.Ordinal);

    /// <summary>The functions and macros the precompiled prelude declares (the tree's tracepoint.h and its includes).</summary>
    public IReadOnlySet<string> PreludeNames => _preludeNames;

    /// <summary>Every name the precompiled prelude declares, macros with their definitions; empty without a PCH.</summary>
    public VisibleNames PreludeVisible { get; } = new();

    public IReadOnlyList<ClangDiagnostic> BuildPch(ClangIndex index)
    {
        var args = new List<string>(Flags.Arguments);
        args[args.IndexOf("c")] = "c-header";
        foreach (string forced in Flags.ForcedIncludes)
            args.AddRange(["-include", forced]);
        if (!index.TryParse(PreludePath, args, VirtualFiles,
                ParseOptions.Incomplete | ParseOptions.ForSerialization | ParseOptions.SkipFunctionBodies | ParseOptions.DetailedPreprocessingRecord,
                out TranslationUnit? unit, out ParseError error))
        {
            return [new ClangDiagnostic(ClangSeverity.Fatal, new SourcePosition(PreludePath, 1, 1, 0), $"libclang could not parse the prelude ({error})")];
        }
        using (unit)
        {
            var errors = unit.Diagnostics.Where(d => d.IsError).ToList();
            if (errors.Count > 0)
                return errors;
            foreach (Cursor c in unit.Cursor.Children)
            {
                if (c.Kind is CursorKind.FunctionDecl or CursorKind.MacroDefinition)
                    _preludeNames.Add(c.Spelling);
            }
            PreludeVisible.AddUnit(unit, null);
            PreludeVisible.Freeze();
            string pch = Path.Combine(_workDir, "ltt-scan-prelude.pch");
            if (unit.SaveAsPch(pch))
                PchPath = pch;
            return [];
        }
    }

    /// <summary>The arguments of one header parse: the kernel's flags, then the prelude (precompiled or not).</summary>
    public IReadOnlyList<string> ParseArguments()
    {
        var args = new List<string>(Flags.Arguments);
        if (PchPath is not null)
        {
            args.AddRange(["-include-pch", PchPath]);
        }
        else
        {
            foreach (string forced in Flags.ForcedIncludes)
                args.AddRange(["-include", forced]);
            args.AddRange(["-include", PreludePath]);
        }
        return args;
    }

    /// <summary>A path as the scan reports it: relative to the tree (or the build directory) with '/' separators.</summary>
    public string Relative(string path)
    {
        if (path.Length == 0)
            return path;
        string full = Path.GetFullPath(path);
        foreach (string root in Build is null ? [Tree] : new[] { Tree, Build })
        {
            string rel = Path.GetRelativePath(root, full);
            if (!rel.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(rel))
                return rel.Replace('\\', '/');
        }
        return full;
    }

    /// <summary>
    /// The Kbuild flags for a parse of <paramref name="header"/>: its folder's, and with
    /// <paramref name="context"/> (the .c file that instantiates it) that file's folder's and object's.
    /// </summary>
    public IEnumerable<string> FolderFlags(string header, string? context)
    {
        var flags = new List<string>();
        foreach (var (file, obj) in new[] { (header, (string?)null), (context, context is null ? null : Path.GetFileNameWithoutExtension(context) + ".o") })
        {
            if (file is null)
                continue;
            string folder = Path.GetRelativePath(Tree, Path.GetDirectoryName(Path.GetFullPath(file))!).Replace('\\', '/');
            if (folder == ".")
                folder = "";
            if (!folder.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(folder))
                flags.AddRange(Kbuild.For(folder, obj));
        }
        return flags.Distinct();
    }

    public SourceLocation Location(SourcePosition position) =>
        new(Relative(position.File), position.Line, position.Column);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the scan result is what matters.
        }
    }
}
