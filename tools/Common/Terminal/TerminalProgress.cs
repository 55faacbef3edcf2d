using System.CommandLine;
using Spectre.Console;

namespace Ltt.Cli;

/// <summary>
/// A live progress display for long steps (scanning a tree, building and booting for a kernel
/// run), on a terminal only: Spectre.Console draws one line on stderr (what is being done, a bar
/// when the total is known, the time spent) while <see cref="Run{T}"/> runs, and clears it at the
/// end. When stderr is not a terminal (CI logs, pipes), under <c>--quiet</c>, or when the command
/// writes to writers of its own (tests), nothing is drawn and the output is what it would be
/// without it. <see cref="Report"/> may be called from any thread, before, during or after a run.
/// </summary>
public sealed class TerminalProgress(bool draw)
{
    private volatile ProgressTask? _task;

    /// <summary>Nothing drawn.</summary>
    public static TerminalProgress None { get; } = new(false);

    /// <summary>Whether this display draws (on a terminal, not silenced).</summary>
    public bool Draws => draw;

    /// <summary><c>--quiet</c>: no progress display and no step lines, only results, summaries and errors.</summary>
    public static Option<bool> QuietOption() => new("--quiet", "-q")
    {
        Description = "No progress display on a terminal and no step lines on stderr: only results, summaries and errors.",
    };

    /// <summary>A display for a command writing its messages to <paramref name="error"/>: it draws when that is the process's stderr, a terminal, and not silenced.</summary>
    public static TerminalProgress For(TextWriter error, bool quiet) =>
        new(!quiet && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected
            && Environment.GetEnvironmentVariable("TERM") is not (null or "" or "dumb"));

    /// <summary>Runs <paramref name="work"/>, with the display titled <paramref name="title"/> drawn while it runs when <see cref="Draws"/>.</summary>
    public T Run<T>(string title, Func<T> work)
    {
        if (!draw)
            return work();
        // stderr is a terminal (see For); Spectre would judge by stdout, which may be a file.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
        });
        try
        {
            return console.Progress()
                .AutoClear(true)
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask(Markup.Escape(title), autoStart: true, maxValue: 1);
                    task.IsIndeterminate = true;
                    _task = task;
                    return work();
                });
        }
        finally
        {
            _task = null;
        }
    }

    /// <summary>What is being done now; <paramref name="done"/> of <paramref name="total"/> when it is counted.</summary>
    public void Report(string what, long done = 0, long total = 0)
    {
        if (_task is not { } task)
            return;
        task.Description = Markup.Escape(what);
        if (total > 0)
        {
            task.IsIndeterminate = false;
            task.MaxValue = total;
            task.Value = Math.Min(done, total);
        }
        else
        {
            task.IsIndeterminate = true;
        }
    }
}
