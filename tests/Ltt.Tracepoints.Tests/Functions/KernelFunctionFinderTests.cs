using Ltt.Testing;
using Ltt.Tracepoints.Functions;
using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Tests.Functions;

/// <summary>The kprobe function finder on fixtures/functions (see its README): prototypes from the definitions, and what no kprobe can sit on.</summary>
public sealed class KernelFunctionFinderTests
{
    private static readonly string[] Names =
        ["demo_open", "demo_wake", "demo_inline", "demo_notrace", "demo_nokprobe", "demo_setup", "demo_variadic", "demo_missing"];

    private static readonly Lazy<KernelFunctionLookup> Lookup = new(() => KernelFunctionFinder.Find(
        new ScanOptions { Tree = RepoPaths.TestData("Ltt.Tracepoints.Tests", "fixtures", "functions") }, Names));

    [Fact]
    public void ADefinitionGivesThePrototypeTheUserParametersAndTheLayoutOfWhatTheyPointTo()
    {
        var open = Lookup.Value.Functions["demo_open"];
        Assert.Equal("fs/demo.c", open.Location.File);
        Assert.Equal(4, open.Location.Line);
        Assert.Null(open.Refusal);
        Assert.Equal(CTypeKind.Integer, open.Returns.Kind);
        Assert.Equal(8, open.Returns.Size);
        Assert.Equal(["dfd", "filename", "how"], open.Params.Select(p => p.Name));
        Assert.Equal([false, true, false], open.Params.Select(p => p.IsUser));
        var how = open.Params[2].Type.Element!;
        Assert.Equal([("flags", 0L, 8L), ("mode", 8L, 2L)], how.Members.Select(m => (m.Name, m.Offset, m.Type.Size)));
    }

    [Fact]
    public void AStaticFunctionWhoseReturnTypeIsOnTheLineAboveIsFound()
    {
        var wake = Lookup.Value.Functions["demo_wake"];
        Assert.Equal(10, wake.Location.Line);
        Assert.Equal(["pid", "comm", "how"], wake.Params[0].Type.Element!.Members.Select(m => m.Name));
    }

    [Theory]
    [InlineData("demo_inline", "static inline")]
    [InlineData("demo_notrace", "notrace")]
    [InlineData("demo_nokprobe", "NOKPROBE_SYMBOL")]
    [InlineData("demo_setup", "__init")]
    public void WhatNoKprobeCanSitOnIsFoundAndSaysWhy(string name, string why)
    {
        var function = Lookup.Value.Functions[name];
        Assert.Contains(why, function.Refusal);
    }

    [Fact]
    public void AVariadicFunctionIsMarkedAndAMissingOneSaysTheTreeDoesNotDefineIt()
    {
        Assert.True(Lookup.Value.Functions["demo_variadic"].IsVariadic);
        Assert.False(Lookup.Value.Functions["demo_open"].IsVariadic);
        Assert.Equal("the tree defines no function of that name", Lookup.Value.NotFound["demo_missing"]);
        Assert.DoesNotContain("demo_missing", Lookup.Value.Functions.Keys);
    }
}
