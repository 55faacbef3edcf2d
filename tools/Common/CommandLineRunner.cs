using System.CommandLine;

namespace Ltt.Cli;

/// <summary>
/// Runs a root command the same way for every ltt-* front end: usage errors print the
/// problem and the help hint and return <see cref="ExitCode.BadInput"/>; an exception no
/// command expected is the last line of defence: one line naming the command and what
/// failed, exit <see cref="ExitCode.BadInput"/>, and the stack trace only with
/// <c>--verbose</c> or <c>LTT_VERBOSE=1</c>.
/// </summary>
public static class CommandLineRunner
{
    /// <summary>The environment variable that shows the stack trace of an unexpected failure.</summary>
    public const string VerboseVariable = "LTT_VERBOSE";

    /// <summary>
    /// <c>--verbose</c>, accepted by every command: more detail on stderr, and the stack trace of
    /// an unexpected failure. Commands read it with <c>parse.GetValue(CommandLineRunner.Verbose)</c>
    /// rather than declaring their own.
    /// </summary>
    public static Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = $"Say more on stderr; on an unexpected failure, print its stack trace (also: {VerboseVariable}=1).",
        Recursive = true,
    };

    /// <param name="tool">The front end's name as users type it (<c>ltt-gen</c>): messages start with it, whatever the executable is called.</param>
    public static int Run(string tool, RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        if (!root.Options.Contains(Verbose))
            root.Options.Add(Verbose);
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            EnableDefaultExceptionHandler = false,
        };
        ParseResult? parse = null;
        try
        {
            parse = root.Parse(args);
            if (parse.Errors.Count > 0 && !IsHelpRequest(args))
            {
                string command = string.Join(' ', CommandPath(tool, parse));
                foreach (var parseError in parse.Errors)
                    configuration.Error.WriteLine($"{command}: {parseError.Message}");
                configuration.Error.WriteLine($"Try '{command} --help'.");
                return (int)ExitCode.BadInput;
            }
            return parse.Invoke(configuration);
        }
        catch (Exception ex)
        {
            string command = parse is null ? tool : string.Join(' ', CommandPath(tool, parse));
            bool stack = ShowStack(args);
            configuration.Error.WriteLine($"{command}: failed: {OneLine(ex)}" + (stack ? "" : $" (--verbose or {VerboseVariable}=1 shows where)"));
            if (stack)
                configuration.Error.WriteLine(ex.ToString());
            return (int)ExitCode.BadInput;
        }
    }

    private static bool ShowStack(string[] args) =>
        args.Contains("--verbose") || Environment.GetEnvironmentVariable(VerboseVariable) is "1" or "true" or "yes";

    private static IEnumerable<string> CommandPath(string tool, ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Push(result.Parent is null ? tool : result.Command.Name);
        return names;
    }

    private static string OneLine(Exception ex)
    {
        // The innermost message says what failed; the wrappers (TargetInvocation, Aggregate) do not.
        while (ex.InnerException is not null && ex is AggregateException or System.Reflection.TargetInvocationException or TypeInitializationException)
            ex = ex.InnerException;
        return ex.Message.ReplaceLineEndings(" ").Trim();
    }

    private static bool IsHelpRequest(string[] args) => args.Any(a => a is "-h" or "--help" or "-?");
}
