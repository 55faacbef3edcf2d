using System.CommandLine;

namespace Ltt.EndToEnd.Tests;

/// <summary>
/// An exception no command expected, in any of the three front ends: one line naming the
/// command and what failed, exit 2, no stack trace unless <c>--verbose</c> or
/// <c>LTT_VERBOSE=1</c> asks for it. (The failures users met are each handled by their command
/// and tested there: OutputFolderTests, ExitCodeTests, DiskFullTests.)
/// </summary>
public sealed class LastLineOfDefenceTests
{
    private static RootCommand Failing()
    {
        var root = new RootCommand("test");
        var inner = new Command("inner", "fails");
        var boom = new Command("boom", "fails");
        boom.SetAction(new Func<ParseResult, int>(_ => throw new InvalidOperationException("the disk caught fire\nwhile writing")));
        inner.Subcommands.Add(boom);
        root.Subcommands.Add(inner);
        return root;
    }

    [Theory]
    [InlineData("ltt-gen")]
    [InlineData("ltt-split")]
    [InlineData("ltt-trace")]
    public void An_unexpected_failure_is_one_line_naming_the_command(string tool)
    {
        var (code, output, error) = Cli.Root(tool, Failing(), "inner", "boom");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal($"{tool} inner boom: failed: the disk caught fire while writing (--verbose or LTT_VERBOSE=1 shows where)\n", error);
    }

    [Theory]
    [InlineData("ltt-gen")]
    [InlineData("ltt-split")]
    [InlineData("ltt-trace")]
    public void Verbose_shows_the_stack_trace(string tool)
    {
        var (code, _, error) = Cli.Root(tool, Failing(), "inner", "boom", "--verbose");

        Assert.Equal(2, code);
        string[] lines = error.Split('\n');
        Assert.Equal($"{tool} inner boom: failed: the disk caught fire while writing", lines[0]);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public void Verbose_is_accepted_by_every_real_command()
    {
        Assert.Equal(0, Cli.Gen("scan", "--help", "--verbose").ExitCode);
        Assert.Equal(0, Cli.Split("route", "--help", "--verbose").ExitCode);
        var usage = Cli.Trace("dump", "--verbose");
        Assert.Equal(2, usage.ExitCode);
        Assert.StartsWith("ltt-trace dump: ", usage.Error);
    }
}
