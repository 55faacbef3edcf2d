using Ltt.IO;
namespace Ltt.Validation.Harness;

/// <summary>
/// Builds the generated probes and harness with gcc against a kernel tree, the way
/// <c>kernel-tree/ltt/userspace/README</c> describes: every probe module and the harness with
/// the tree's headers (<c>-nostdinc</c>, <c>-Wall -Wextra -Werror</c>, <c>LTT_USERSPACE</c>),
/// the backend with the C library, then one link. Also runs the result.
/// </summary>
public static class HarnessBuilder
{
    /// <summary>
    /// <c>-Wall -Wextra -Werror</c>, without <c>-Wunused-parameter</c>, as the kernel builds: its
    /// headers leave parameters of inline stubs unused, so its W=1 build adds
    /// "-Wextra -Wunused -Wno-unused-parameter" (scripts/Makefile.extrawarn in linux 6.1), and
    /// kernel-tree's stubs do the same. The generated files themselves compile with the warning
    /// on (tests/Ltt.Probes.Tests/UnusedParameterTests.cs).
    /// </summary>
    public static readonly string[] WarningFlags = ["-Wall", "-Wextra", "-Wno-unused-parameter", "-Werror"];

    /// <summary>The flags that compile probe code against <paramref name="kernelTree"/>.</summary>
    public static List<string> KernelFlags(string kernelTree, string gccInclude, IEnumerable<string> defines, string arch = "x86")
    {
        var flags = new List<string>(WarningFlags)
        {
            "-O2", "-std=gnu11", "-fno-strict-aliasing", "-nostdinc", "-isystem", gccInclude,
            "-D__KERNEL__", "-DLTT_USERSPACE",
        };
        flags.AddRange(defines.Select(d => "-D" + d));
        flags.AddRange(["-I" + Path.Combine(kernelTree, "include"), "-I" + Path.Combine(kernelTree, "arch", arch, "include"), "-I" + kernelTree]);
        return flags;
    }

    /// <summary>gcc's own include directory (stdarg.h, stddef.h), as <c>gcc -print-file-name=include</c> names it.</summary>
    public static ToolRun GccInclude(string gcc = "gcc") => ToolRun.Start(gcc, ["-print-file-name=include"]);

    /// <summary>Compiles one probe module against the tree; the run's Error holds gcc's diagnostics.</summary>
    public static ToolRun CompileModule(string source, string objectFile, string kernelTree, string gccInclude, IEnumerable<string> defines, string gcc = "gcc") =>
        ToolRun.Start(gcc, [.. KernelFlags(kernelTree, gccInclude, defines), "-c", source, "-o", objectFile]);

    /// <summary>Builds <c>harness/harness</c> of a generated output folder into <paramref name="buildDirectory"/>.</summary>
    public static HarnessBuild Build(string outputFolder, string kernelTree, string buildDirectory, string gcc = "gcc")
    {
        var runs = new List<ToolRun>();
        var include = GccInclude(gcc);
        runs.Add(include);
        if (!include.Success)
            return new HarnessBuild(null, runs);
        string gccInclude = include.Output.Trim();
        Directory.CreateDirectory(buildDirectory);
        string definesFile = Path.Combine(outputFolder, "harness", "defines");
        var defines = File.Exists(definesFile) ? File.ReadAllLines(definesFile).Where(l => l.Length > 0).ToList() : [];

        var objects = new List<string>();
        var sources = Directory.GetFiles(Path.Combine(outputFolder, "probes"), "*.c").Order(StringComparer.Ordinal).ToList();
        sources.AddRange(Directory.GetFiles(Path.Combine(outputFolder, "harness"), "*.c").Order(StringComparer.Ordinal));
        foreach (string source in sources)
        {
            string obj = Path.Combine(buildDirectory, Path.GetFileName(Path.GetDirectoryName(source)) + "-" + Path.GetFileNameWithoutExtension(source) + ".o");
            runs.Add(CompileModule(source, obj, kernelTree, gccInclude, defines, gcc));
            objects.Add(obj);
        }
        string backend = Path.Combine(buildDirectory, "ltt-userspace.o");
        runs.Add(ToolRun.Start(gcc, [.. WarningFlags, "-O2", "-I" + Path.Combine(kernelTree, "include"), "-c",
            Path.Combine(kernelTree, "ltt", "userspace", "ltt-userspace.c"), "-o", backend]));
        objects.Add(backend);
        if (runs.Any(r => !r.Success))
            return new HarnessBuild(null, runs);

        string executable = Path.Combine(buildDirectory, "harness");
        runs.Add(ToolRun.Start(gcc, ["-o", executable, .. objects]));
        return new HarnessBuild(runs[^1].Success ? executable : null, runs);
    }

    /// <summary>Runs the harness, which writes <paramref name="recordFile"/>.</summary>
    public static ToolRun Run(string executable, string recordFile) =>
        ToolRun.Start(executable, [recordFile], timeout: TimeSpan.FromMinutes(1));
}
