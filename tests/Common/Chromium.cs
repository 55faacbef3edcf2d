using System.Diagnostics;

namespace Ltt.Testing;

/// <summary>Debian's chromium, headless: a page's DOM after its scripts ran, and its screenshot, as a person's browser shows it.</summary>
internal static class Chromium
{
    public static string DumpDom(string htmlFile) => Run(["--dump-dom", new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri]);

    public static void Screenshot(string htmlFile, string pngFile, int width, int height) =>
        Run([$"--screenshot={pngFile}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri]);

    private static string Run(string[] arguments)
    {
        string profile = Path.Combine(Path.GetTempPath(), "ltt-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("chromium")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Root in CI needs --no-sandbox; no network at all: every host name resolves to nothing, and no proxy is asked.
        foreach (string argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile}",
                     "--host-resolver-rules=MAP * ~NOTFOUND", "--no-proxy-server", .. arguments])
            start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish in 120 s");
            }
            Assert.True(process.ExitCode == 0, "chromium failed: " + stderr.Result);
            return stdout;
        }
        finally
        {
            if (Directory.Exists(profile))
                Directory.Delete(profile, recursive: true);
        }
    }
}
