using Ltt.Testing;
using Ltt.Trace.Reader;
using Ltt.Trace.Reader.Text;
using Ltt.Trace.Validation;

namespace Ltt.Trace.Tests.Validation;

/// <summary>
/// Property: whatever damage is done to a real trace (bit flips, overwritten bytes, cut files,
/// a flipped metadata character), opening, validating and dumping it never throws, and every
/// problem reported names a file and a place in it. Fixed seed, bounded iterations.
/// </summary>
public sealed class RandomDamageTests
{
    [Theory]
    [InlineData("lttng-traces/ust-types", 1)]
    [InlineData("lttng-traces/ust-discard", 2)]
    [InlineData("ctf-traces/succeed/compact-header/trace", 3)]
    [InlineData("ctf-traces/succeed/big-endian-no-clock/trace", 4)]
    public void NeverThrowsAndAlwaysSaysWhere(string trace, int seed)
    {
        string source = RepoPaths.TestData(["data", .. trace.Split('/')]);
        var random = new Random(seed);
        string work = Path.Combine(Path.GetTempPath(), $"ltt-damage-{Environment.ProcessId}-{seed}");
        try
        {
            for (int iteration = 0; iteration < 60; iteration++)
            {
                if (Directory.Exists(work))
                    Directory.Delete(work, recursive: true);
                Directory.CreateDirectory(work);
                foreach (string file in Directory.GetFiles(source))
                    File.Copy(file, Path.Combine(work, Path.GetFileName(file)));
                string what = Damage(work, random);

                var exception = Record.Exception(() => Check(work));
                Assert.True(exception is null, $"iteration {iteration} ({what}): {exception}");
            }
        }
        finally
        {
            if (Directory.Exists(work))
                Directory.Delete(work, recursive: true);
        }
    }

    private static void Check(string folder)
    {
        var opened = TraceSet.Open(folder);
        if (opened.Traces is null)
        {
            Assert.All(opened.Diagnostics, d => Assert.True(d.Line > 0 || d.Offset >= 0 || d.Check == "metadata", d.ToString()));
            return;
        }
        using (var traces = opened.Traces)
        {
            var report = TraceValidator.Validate(folder, traces);
            Assert.All(report.Findings, d => Assert.True(d.File.Length > 0 && (d.Offset >= 0 || d.Line > 0 || d.Check == "metadata"), d.ToString()));
        }
        using var again = TraceSet.Open(folder).Traces!;
        TraceDump.Write(again, Stream.Null);
    }

    private static string Damage(string folder, Random random)
    {
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray();
        var descriptions = new List<string>();
        int count = 1 + random.Next(4);
        for (int i = 0; i < count; i++)
        {
            string file = files[random.Next(files.Length)];
            byte[] bytes = File.ReadAllBytes(file);
            if (bytes.Length == 0)
                continue;
            int at = random.Next(bytes.Length);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    descriptions.Add($"bit flip in {Path.GetFileName(file)} at {at}");
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    descriptions.Add($"byte {at} of {Path.GetFileName(file)} overwritten");
                    break;
                case 2:
                    Array.Resize(ref bytes, at);
                    descriptions.Add($"{Path.GetFileName(file)} cut at {at}");
                    break;
                default:
                    // Damage near the start, where headers are.
                    int head = random.Next(Math.Min(bytes.Length, 96));
                    bytes[head] ^= (byte)(1 << random.Next(8));
                    descriptions.Add($"header bit flip in {Path.GetFileName(file)} at {head}");
                    break;
            }
            File.WriteAllBytes(file, bytes);
        }
        return string.Join(", ", descriptions);
    }
}
