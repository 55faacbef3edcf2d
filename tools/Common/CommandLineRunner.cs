using System.CommandLine;

namespace Ltt.Cli;

/// <summary>
/// Runs a root command the same way for every ltt-* front end: usage errors print the
/// problem and the help hint and return <see cref="ExitCode.BadInput"/>.
/// </summary>
public static class CommandLineRunner
{
    public static int Run(RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !IsHelpRequest(args))
        {
            foreach (var parseError in parse.Errors)
                configuration.Error.WriteLine($"{root.Name}: {parseError.Message}");
            configuration.Error.WriteLine($"Try '{root.Name} --help'.");
            return (int)ExitCode.BadInput;
        }
        return parse.Invoke(configuration);
    }

    private static bool IsHelpRequest(string[] args) => args.Any(a => a is "-h" or "--help" or "-?");
}
