using System.Collections.Concurrent;
using Ltt.Clang;
using Ltt.Tracepoints.Kbuild;
using Ltt.Tracepoints.Model;
using Ltt.Tracepoints.Scanning;

namespace Ltt.Tracepoints;

/// <summary>
/// Turns a kernel tree into its tracepoint sites, event layouts and marker sites, computed by libclang
/// the way the kernel's build would compile the headers. User mistakes (a missing tree, a header that
/// does not compile) come back as diagnostics in the <see cref="ScanResult"/>, never as exceptions.
/// </summary>
/// <remarks>
/// The passes: list candidate files; tokenize each one alone (no includes) to find its site and marker
/// calls, conditionals and CREATE_TRACE_POINTS; compile the prelude once into a PCH; parse every trace
/// header through it on all cores, one libclang index per worker; a header that fails alone is parsed
/// again in the context of the .c file that instantiates it.
/// </remarks>
public static class TracepointScanner
{
    /// <summary>
    /// A tree with an <c>arch/</c> folder but none for the target: its headers would fail on every
    /// arch type (<c>u64</c>...), so say what is missing instead. A tree without <c>arch/</c> at all
    /// (a small test tree) is scanned as it is.
    /// </summary>
    private static string? MissingArchHeaders(string tree, string? build, Architecture architecture)
    {
        string archRoot = Path.Combine(tree, "arch");
        string relative = Path.Combine("arch", architecture.SourceArch, "include");
        if (!Directory.Exists(archRoot) || Directory.Exists(Path.Combine(tree, relative)) || (build is not null && Directory.Exists(Path.Combine(build, relative))))
            return null;
        var present = Directory.GetDirectories(archRoot).Where(d => Directory.Exists(Path.Combine(d, "include"))).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        return $"the tree has no {relative}: it cannot be scanned for {architecture.Name} (it has headers for: {string.Join(", ", present)})";
    }

    public static ScanResult Scan(ScanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var diagnostics = new List<ScanDiagnostic>();
        string tree = Path.GetFullPath(options.Tree);
        string? build = options.BuildDirectory is null ? null : Path.GetFullPath(options.BuildDirectory);
        if (!Directory.Exists(tree))
            return Fail(options.Tree, "the tree is not a folder");
        if (build is not null && !Directory.Exists(build))
            return Fail(options.BuildDirectory!, "the build directory is not a folder");
        if (Architecture.Find(options.Arch) is not { } architecture)
            return Fail(options.Tree, Architecture.Unknown(options.Arch));
        if (MissingArchHeaders(tree, build, architecture) is { } missing)
            return Fail(options.Tree, missing);

        List<SourceFile> files = TreeWalker.Walk(tree, options.Paths, diagnostics);
        string compilerInclude = options.CompilerIncludeDirectory ?? KernelCompilerFlags.FindCompilerIncludeDirectory() ?? "";
        if (compilerInclude.Length == 0)
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Warning, new SourceLocation(".", 0),
                "gcc's include directory was not found (is gcc installed?): <stdarg.h> and <stddef.h> will be missing"));
        var flags = KernelCompilerFlags.Create(tree, build, options.Arch, compilerInclude.Length == 0 ? null : compilerInclude);
        if (!flags.HasConfig)
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Warning, new SourceLocation(".config", 0),
                "no configured build (include/generated/autoconf.h): every CONFIG_ option is taken as unset"));

        using var env = ScanEnvironment.Create(tree, build, flags);
        int parallelism = options.Parallelism > 0 ? options.Parallelism : Environment.ProcessorCount;
        var tokens = Tokenize(files, parallelism, out var unreadable);
        foreach ((string path, string why) in unreadable)
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, new SourceLocation(env.Relative(path), 0),
                $"{why}: its sites and markers are left out"));

        var markers = new List<MarkerSite>();
        var unresolved = new List<UnresolvedSite>();
        foreach (SourceFile file in files.Where(f => f.MayHaveMarkers))
            MarkerReader.Read(env.Relative(file.Path), tokens[file.Path], markers, unresolved, diagnostics);
        MarkerReader.CheckConflicts(markers, diagnostics);

        var scope = BuildScope.Create(tree, KernelCompilerFlags.SourceArch(options.Arch)!);
        var contexts = ContextFinder.Find(files, tokens, tree, env.Kbuild, scope);
        var jobs = new List<HeaderJob>();
        var leftOut = new List<LeftOutHeader>();
        foreach (SourceFile file in files.Where(f => f.MayHaveSites))
        {
            FileTokens ft = tokens[file.Path];
            var invocations = ft.FindInvocations(SiteMacros.Names);
            if (invocations.Count == 0)
                continue;
            // Markers stay tree-wide (a marker name must have one format everywhere); tracepoints only where this build compiles.
            string inTree = Path.GetRelativePath(tree, file.Path).Replace('\\', '/');
            if (!inTree.StartsWith("../", StringComparison.Ordinal) && scope.WhyNotBuilt(inTree) is { } outside)
                leftOut.Add(new LeftOutHeader(inTree, outside.Folder, outside.Reason, invocations.Count)
                {
                    SitesPerMacro = invocations.GroupBy(i => i.Macro).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
                });
            else
                jobs.Add(new HeaderJob(file.Path, ft, invocations, contexts.GetValueOrDefault(file.Path)));
        }

        var sites = new List<TracepointSite>();
        if (jobs.Count > 0)
        {
            using (var index = new ClangIndex())
            {
                foreach (ClangDiagnostic d in env.BuildPch(index))
                    diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Warning, env.Location(d.Position),
                        "the prelude does not precompile, each header reads it: " + d.Message));
            }
            var results = ParseAll(env, jobs, parallelism, options.Progress);
            if (options.Paths.Count > 0)
                RetryInTreeContext(env, tree, scope, jobs, results, parallelism);
            foreach (HeaderScan r in results)
            {
                sites.AddRange(r.Sites);
                unresolved.AddRange(r.Unresolved);
                diagnostics.AddRange(r.Diagnostics);
            }
        }
        sites.Sort((a, b) => CompareLocation(a.Location, b.Location));
        unresolved.Sort((a, b) => CompareLocation(a.Location, b.Location));
        markers.Sort((a, b) => CompareLocation(a.Location, b.Location));
        var ordered = diagnostics.Distinct().OrderBy(d => d.Location.File, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ToList();
        return new ScanResult(sites, markers, ordered) { Unresolved = unresolved, FilesParsed = jobs.Count, LeftOut = leftOut };

        ScanResult Fail(string where, string message) =>
            new([], [], [new ScanDiagnostic(DiagnosticSeverity.Error, new SourceLocation(where, 0), message) { IsInputError = true }]);
    }

    /// <summary>
    /// Headers that failed alone and had no instantiating .c among the scanned paths: look for one in
    /// the whole tree (a .c defining CREATE_TRACE_POINTS before including them) and parse them again there.
    /// </summary>
    private static void RetryInTreeContext(ScanEnvironment env, string tree, BuildScope scope, List<HeaderJob> jobs, List<HeaderScan> results,
        int parallelism)
    {
        var failing = Enumerable.Range(0, jobs.Count)
            .Where(i => jobs[i].Context is null && NeedsContext(jobs[i], results[i]))
            .ToList();
        if (failing.Count == 0)
            return;
        var walkDiagnostics = new List<ScanDiagnostic>();
        var sources = TreeWalker.Walk(tree, [], walkDiagnostics).Where(f => f.MayCreateTracePoints).ToList();
        if (sources.Count == 0)
            return;
        // A source libclang cannot read is no context; the header it would have helped is reported already.
        var contexts = ContextFinder.Find(sources, Tokenize(sources, parallelism, out _), tree, env.Kbuild, scope);
        var retry = failing.Where(i => contexts.ContainsKey(jobs[i].Header)).ToList();
        if (retry.Count == 0)
            return;
        var retried = retry.Select(i => jobs[i] with { Context = contexts[jobs[i].Header] }).ToList();
        var again = ParseAll(env, retried, parallelism, null);
        for (int k = 0; k < retry.Count; k++)
        {
            if (again[k].Sites.Count > results[retry[k]].Sites.Count)
                results[retry[k]] = again[k];
        }
    }

    /// <summary>
    /// Whether a header parsed alone should be parsed again where it is instantiated: it has errors, sites
    /// that do not resolve for another reason than an inactive branch, or sites in a branch whose condition
    /// names no CONFIG_ option. Such a macro (<c>__KVM_HAVE_IOAPIC</c>) comes from a header the
    /// instantiating .c includes (x86's asm/kvm_host.h); a CONFIG_ option is the configuration's to set,
    /// and <see cref="RecoverInactive"/> forces it.
    /// </summary>
    private static bool NeedsContext(HeaderJob job, HeaderScan scan) =>
        scan.HadErrors || scan.Unresolved.Count > scan.InactiveLines.Count
        || scan.InactiveLines.Any(line => job.Tokens.ConfigSymbolsAround(line).Count == 0 && !job.Tokens.IsAlwaysOff(line));

    private static int CompareLocation(SourceLocation a, SourceLocation b)
    {
        int c = string.CompareOrdinal(a.File, b.File);
        return c != 0 ? c : a.Line.CompareTo(b.Line);
    }

    /// <summary>
    /// Tokenizes every candidate file alone (no directive run, see <see cref="FileLexer"/>), in parallel;
    /// <paramref name="unreadable"/> names the files that could not be read or lexed, in order, with why.
    /// </summary>
    private static Dictionary<string, FileTokens> Tokenize(List<SourceFile> files, int parallelism, out List<(string Path, string Why)> unreadable)
    {
        var result = new ConcurrentDictionary<string, FileTokens>();
        var failed = new ConcurrentBag<(string, string)>();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            () => new ClangIndex(),
            (file, loop, index) =>
            {
                IReadOnlyList<Token> list = [];
                if (ReadBytes(file.Path, out string? readError) is not { } bytes)
                    failed.Add((file.Path, "cannot read: " + readError));
                else if (FileLexer.TryLex(index, file.Path, bytes, out IReadOnlyList<Token>? lexed, out ParseError error))
                    list = lexed;
                else
                    failed.Add((file.Path, $"libclang could not read this file ({error})"));
                result[file.Path] = new FileTokens(list, file.Text);
                return index;
            },
            index => index.Dispose());
        unreadable = [.. failed.OrderBy(f => f.Item1, StringComparer.Ordinal)];
        return new Dictionary<string, FileTokens>(result);
    }

    private static byte[]? ReadBytes(string path, out string? error)
    {
        error = null;
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>
    /// Sites left out by this configuration (<c>#ifdef CONFIG_X</c> with X unset) are parsed again with
    /// the CONFIG_ options around them forced on, so they get types too; a warning says so.
    /// </summary>
    /// <param name="contextConfig">The options the context parse already forced (see <see cref="TraceContext.Config"/>): forced again.</param>
    private static HeaderScan RecoverInactive(HeaderParser parser, ClangIndex index, HeaderJob job, HeaderScan scan, bool withContext,
        IReadOnlyList<string> contextConfig)
    {
        if (scan.InactiveLines.Count == 0)
            return scan;
        var around = scan.InactiveLines.SelectMany(job.Tokens.ConfigSymbolsAround).ToList();
        if (around.Count == 0)
            return scan;
        var symbols = around.Concat(contextConfig).Distinct().Order(StringComparer.Ordinal).ToList();
        HeaderScan forced = parser.Parse(index, job, withContext, symbols);
        var lines = scan.InactiveLines.ToHashSet();
        var recovered = forced.Sites.Where(s => lines.Contains(s.Location.Line)).ToList();
        return recovered.Count == 0 ? scan : scan.WithRecovered(recovered, symbols);
    }

    /// <summary>
    /// Sites that expanded to nothing because the header redefines the site macros as no-ops under a CONFIG_
    /// condition (a driver's tracer switched off: ath5k's trace.h without CONFIG_ATH5K_TRACER) are parsed
    /// again with those options forced, like inactive ones.
    /// </summary>
    private static HeaderScan RecoverSilenced(HeaderParser parser, ClangIndex index, HeaderJob job, HeaderScan scan, bool withContext,
        IReadOnlyList<string> contextConfig)
    {
        var lines = scan.Unresolved.Where(u => u.Reason == HeaderParser.NoDeclaration).Select(u => u.Location.Line).ToHashSet();
        if (lines.Count == 0)
            return scan;
        var redefining = job.Tokens.ConfigSymbolsRedefining(SiteMacros.Names);
        if (redefining.Count == 0)
            return scan;
        var symbols = redefining.Concat(contextConfig).Distinct().Order(StringComparer.Ordinal).ToList();
        HeaderScan forced = parser.Parse(index, job, withContext, symbols);
        var recovered = forced.Sites.Where(s => lines.Contains(s.Location.Line)).ToList();
        return recovered.Count == 0 ? scan : scan.WithRecovered(recovered, symbols);
    }

    private static List<HeaderScan> ParseAll(ScanEnvironment env, List<HeaderJob> jobs, int parallelism, Action<ScanProgress>? progress)
    {
        var parser = new HeaderParser(env);
        var results = new HeaderScan[jobs.Count];
        int done = 0, sitesSoFar = 0;
        object progressLock = new();
        // Big headers first, so the last worker does not start the longest one alone.
        var order = Enumerable.Range(0, jobs.Count).OrderByDescending(i => jobs[i].Invocations.Count).ToList();
        Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            () => new ClangIndex(),
            (i, loop, index) =>
            {
                HeaderJob job = jobs[i];
                HeaderScan scan = parser.Parse(index, job, withContext: false);
                bool withContext = false;
                IReadOnlyList<string> contextConfig = [];
                if (job.Context is not null && NeedsContext(job, scan))
                {
                    HeaderScan inContext = parser.Parse(index, job, withContext: true);
                    // The .c may instantiate the header only under options this configuration leaves unset
                    // (sound/core/pcm_lib.c under CONFIG_SND_PCM_XRUN_DEBUG): force them, as for inactive sites.
                    if (job.Context.Config.Count > 0 && inContext.Unresolved.Count > 0)
                    {
                        HeaderScan forced = parser.Parse(index, job, withContext: true, job.Context.Config);
                        if (forced.Sites.Count > inContext.Sites.Count)
                        {
                            inContext = forced.WithForcedContext(job.Context.Config);
                            contextConfig = job.Context.Config;
                        }
                    }
                    if (inContext.Sites.Count > scan.Sites.Count || (inContext.Sites.Count == scan.Sites.Count && !inContext.HadErrors))
                    {
                        scan = inContext;
                        withContext = true;
                    }
                    else
                        contextConfig = [];
                }
                scan = RecoverInactive(parser, index, job, scan, withContext, contextConfig);
                scan = RecoverSilenced(parser, index, job, scan, withContext, contextConfig);
                results[i] = scan;
                if (progress is not null)
                {
                    lock (progressLock)
                    {
                        done++;
                        sitesSoFar += scan.Sites.Count;
                        progress(new ScanProgress(done, jobs.Count, env.Relative(job.Header), sitesSoFar));
                    }
                }
                return index;
            },
            index => index.Dispose());
        return results.ToList();
    }
}
