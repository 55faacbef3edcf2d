using Ltt.Fuzz;
using SharpFuzz;

// ltt-fuzz <target>                 run under afl-fuzz (campaign.sh starts it)
// ltt-fuzz replay <target> <file>…  run inputs once each, exit 1 on the first exception
// ltt-fuzz list                     the targets
if (args.Length == 1 && args[0] == "list")
{
    foreach (var t in FuzzTargets.All)
        Console.WriteLine($"{t.Name}\t{t.Description}");
    return 0;
}
if (args.Length >= 2 && args[0] == "replay" && FuzzTargets.Find(args[1]) is { } replayed)
{
    foreach (string file in args.Skip(2))
    {
        try
        {
            replayed.Run(File.ReadAllBytes(file));
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"{file}: {ex}");
            return 1;
        }
    }
    return 0;
}
if (args.Length == 1 && FuzzTargets.Find(args[0]) is { } target)
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        target.Run(copy.ToArray());
    });
    return 0;
}
Console.Error.WriteLine("usage: ltt-fuzz <target> | replay <target> <file>... | list  (targets: " + string.Join(", ", FuzzTargets.All.Select(t => t.Name)) + ")");
return 2;
