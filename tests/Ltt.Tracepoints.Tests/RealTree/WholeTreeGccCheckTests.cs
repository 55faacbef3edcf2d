using Ltt.Testing;
using Xunit.Abstractions;

namespace Ltt.Tracepoints.Tests.RealTree;

/// <summary>
/// The scan's records of the unpacked 6.1 source checked by gcc where the kernel compiles them
/// (<see cref="GccRecordCheck"/>): offset, size and signedness of every field. A disagreement names the file,
/// the event class and the field.
/// </summary>
public sealed class WholeTreeGccCheckTests(ITestOutputHelper log)
{
    private static readonly string[] InstantiatingFiles = ["fs/afs/main.c", "net/rxrpc/af_rxrpc.c", "fs/xfs/xfs_trace.c"];

    private static string Source()
    {
        RealKernelHeaders.Require();
        string source = Path.GetFullPath(Path.Combine(RepoPaths.Root, ".cache", "linux-source-6.1-full"));
        Assert.True(File.Exists(Path.Combine(source, "Kconfig")), $"{source}: the unpacked 6.1 source is missing; run 'bash .ci/install'");
        return source;
    }

    /// <summary>
    /// Headers with many enum fields, among them afs.h's <c>__mode(byte)</c> enums, which gcc makes unsigned
    /// (their format files say <c>signed:0</c>) and clang alone signed char.
    /// </summary>
    [Fact]
    public void EnumFieldsOfAfsRxrpcAndXfsHaveTheSignednessGccGivesThem()
    {
        string source = Source();
        var result = TracepointScanner.Scan(new ScanOptions
        {
            Tree = source,
            BuildDirectory = RealKernelHeaders.Build,
            Paths = ["include/trace/events/afs.h", "include/trace/events/rxrpc.h", "fs/xfs/xfs_trace.h"],
        });
        var check = new GccRecordCheck(source, result);

        check.Run([.. InstantiatingFiles.Select(f => Path.Combine(source, f))]);

        log.WriteLine($"{check.ClassesChecked} classes, {check.EventsChecked} events: {check.Assertions} assertions, " +
            $"{check.Signedness} of signedness ({check.EnumSignedness} on enums)");
        Assert.True(check.NotCompiled.IsEmpty, string.Join('\n', check.NotCompiled));
        Assert.True(check.Failures.IsEmpty, $"{check.Failures.Count} disagreements with gcc:\n" + string.Join('\n', check.Failures.Order().Take(60)));
        Assert.Empty(check.Unchecked);
        Assert.True(check.EnumSignedness >= 40, $"only {check.EnumSignedness} enum fields checked");
        var why = result.Sites.Single(s => s.Name == "afs_edit_dir").Fields.Single(f => f.Name == "why");
        Assert.Equal((1L, false), (why.Size, why.IsSigned));

        // The check fails on the signedness clang alone gave afs_edit_dir.why, naming the field.
        var signedWhy = result with
        {
            Sites = [.. result.Sites.Select(s => s.Name != "afs_edit_dir" ? s
                : s with { Fields = [.. s.Fields.Select(f => f.Name == "why" ? f with { IsSigned = true } : f)] })],
        };
        var broken = new GccRecordCheck(source, signedWhy);
        broken.Run([Path.Combine(source, "fs/afs/main.c")]);
        Assert.Equal(["fs/afs/main.c: static assertion failed: \"afs_edit_dir.why signed 1\""],
            broken.Failures.Select(f => f[..f.IndexOf(" -- ", StringComparison.Ordinal)]));
    }

    /// <summary>Every record of the whole tree, in every .c file that instantiates one. Minutes of gcc: in the slow set.</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void EveryFieldOfTheWholeTreeHasTheOffsetSizeAndSignednessGccGivesIt()
    {
        string source = Source();
        var result = TracepointScanner.Scan(new ScanOptions { Tree = source, BuildDirectory = RealKernelHeaders.Build });
        var check = new GccRecordCheck(source, result);
        var files = GccRecordCheck.InstantiatingFiles(source);

        check.Run(files);

        var @unchecked = check.Unchecked.ToList();
        log.WriteLine($"{files.Count} .c files define CREATE_TRACE_POINTS, {check.NotCompiled.Count} do not compile here; " +
            $"{check.ClassesChecked} event classes ({check.EventsChecked} of {check.Events.Count} events) checked: {check.Assertions} assertions, " +
            $"{check.Signedness} of signedness ({check.EnumSignedness} on enums); {@unchecked.Count} classes not checked; {check.Failures.Count} disagreements");
        foreach (string line in check.NotCompiled.Order(StringComparer.Ordinal))
            log.WriteLine(line);
        foreach (var c in @unchecked.GroupBy(c => c.Location.File).OrderBy(g => g.Key, StringComparer.Ordinal))
            log.WriteLine($"not checked: {c.Key}: {c.Count()} classes");
        Assert.True(check.Failures.IsEmpty, $"{check.Failures.Count} disagreements with gcc:\n" + string.Join('\n', check.Failures.Order(StringComparer.Ordinal).Take(60)));
        Assert.True(check.EventsChecked * 20 >= check.Events.Count * 19, $"only {check.EventsChecked} of {check.Events.Count} events checked");
    }
}
