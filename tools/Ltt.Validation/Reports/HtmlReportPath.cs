namespace Ltt.Validation.Reports;

/// <summary>Where a validation run's HTML page goes beside its JUnit file: the same name ending in .html (ci.xml: ci.html).</summary>
public static class HtmlReportPath
{
    public static string Beside(string junit) =>
        Path.GetExtension(junit).Equals(".html", StringComparison.OrdinalIgnoreCase) ? junit + ".html" : Path.ChangeExtension(junit, ".html");
}
