using Ltt.Series.Maintainers;
using Ltt.Series.Routing;

namespace Ltt.Series.Tests;

/// <summary>
/// K: keywords are found on the lines get_maintainer.pl finds them (any line before the diff,
/// added or removed lines inside it), with every pattern read as the script reads it (Perl's /x:
/// whitespace ignored, <c>#</c> starts a comment), also once one combined pattern screens the
/// lines first (from a few thousand lines on): each case runs short and after 3,000 lines.
/// </summary>
public sealed class KeywordScanTests
{
    private const string Maintainers = """
        List of maintainers

        TRACEPOINTS
        M:	Tracy Point <tracy@example.org>
        K:	\btrace_[a-z]+_enabled\b

        SPACED
        M:	Spa Ced <spaced@example.org>
        K:	foo \s+ bar   # words apart (a comment, with a stray ) and [ in it

        ANCHORED
        M:	Anne Chored <anne@example.org>
        K:	^\#\s*include\s+<linux/ltt

        THE REST
        M:	Rest <rest@example.org>
        F:	*

        """;

    private static IReadOnlyList<string> Keywords(string patch, int filler)
    {
        // Lines before the patch's own, none with a keyword: the screen is built by then.
        patch = string.Concat(Enumerable.Repeat("a line of the cover text\n", filler)) + patch;
        var file = MaintainersParser.Parse("MAINTAINERS", Maintainers.Replace("\r", ""));
        Assert.Empty(file.Diagnostics);
        var index = MaintainersIndex.Build(file, null);
        return [.. PatchScan.Read(PatchScan.Lines(patch), index).Keywords.Select(k => k.Value)];
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3_000)]
    public void Keywords_match_before_the_diff_and_on_changed_lines_only(int filler)
    {
        const string Patch = """
            Subject: [PATCH] sched: use foo   bar

            Nothing about tracepoints here.
            ---
            diff --git a/kernel/sched.c b/kernel/sched.c
            --- a/kernel/sched.c
            +++ b/kernel/sched.c
            @@ -1,3 +1,3 @@
             if (trace_sched_enabled())
            -	x = 1;
            +#include <linux/ltt-core.h>

            """;

        // foo...bar before the diff counts; trace_sched_enabled on a context line does not; the
        // include on an added line does not either: inside the diff the script matches
        // "^[+-].*" + pattern, where the pattern's own '^' cannot match.
        Assert.Equal([@"foo \s+ bar   # words apart (a comment, with a stray ) and [ in it"], Keywords(Patch, filler));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3_000)]
    public void A_keyword_on_a_removed_line_counts(int filler)
    {
        const string Patch = """
            Subject: [PATCH] sched: drop a check

            ---
            diff --git a/kernel/sched.c b/kernel/sched.c
            --- a/kernel/sched.c
            +++ b/kernel/sched.c
            @@ -1,2 +1,1 @@
            -if (trace_sched_enabled())
             x = 1;

            """;

        Assert.Equal([@"\btrace_[a-z]+_enabled\b"], Keywords(Patch, filler));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3_000)]
    public void An_anchored_keyword_matches_a_line_before_the_diff(int filler)
    {
        const string Patch = """
            Subject: [PATCH] docs

            #include <linux/ltt-core.h> is what probes start with.
            ---
            diff --git a/Documentation/x.txt b/Documentation/x.txt
            --- a/Documentation/x.txt
            +++ b/Documentation/x.txt
            @@ -1 +1 @@
            -a
            +b

            """;

        Assert.Equal([@"^\#\s*include\s+<linux/ltt"], Keywords(Patch, filler));
    }
}
