using System.Globalization;
using System.Net;
using System.Text;

namespace Ltt.Html;

/// <summary>
/// A self-contained HTML page built in order: headings, paragraphs, tables, inline SVG charts,
/// all in one file with its style inline, no script, font or image loaded from anywhere. The
/// building block of every HTML report of the toolkit (the trace report, the validation runs'
/// comparison pages): they add sections and <see cref="Render"/> the page.
/// </summary>
public sealed class HtmlPage
{
    private const string Style = """
        body { font-family: "DejaVu Sans", sans-serif; margin: 1.5em 2em; color: #222; }
        h1 { font-size: 1.5em; margin-bottom: 0.2em; }
        h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
        p.note { color: #555; margin-top: 0.2em; }
        table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.9em; }
        th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; }
        th { background: #f2f2f2; text-align: left; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        .chart svg { display: block; }
        .row { display: flex; align-items: center; }
        .row .label { width: 7em; font-size: 0.85em; }
        """;

    private readonly StringBuilder _body = new();

    public HtmlPage(string title)
    {
        Title = title;
    }

    public string Title { get; }

    public HtmlPage Heading(string text, int level = 2)
    {
        _body.Append("<h").Append(level).Append('>').Append(Encode(text)).Append("</h").Append(level).Append(">\n");
        return this;
    }

    public HtmlPage Paragraph(string text, string? cssClass = null)
    {
        _body.Append("<p").Append(Class(cssClass)).Append('>').Append(Encode(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A table; cells that are numbers are right-aligned and carry their value in <c>data-value</c> (for tests and scripts).</summary>
    public HtmlPage Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, string? id = null)
    {
        _body.Append("<table").Append(id is null ? "" : $" id=\"{Encode(id)}\"").Append(">\n<tr>");
        foreach (string header in headers)
            _body.Append("<th>").Append(Encode(header)).Append("</th>");
        _body.Append("</tr>\n");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            foreach (object? cell in row)
                Cell(cell);
            _body.Append("</tr>\n");
        }
        _body.Append("</table>\n");
        return this;
    }

    /// <summary>An SVG drawing (a chart) in a block of class <c>chart</c> and more; <paramref name="attributes"/> go on the block.</summary>
    public HtmlPage Svg(string svg, string? cssClass = null, IEnumerable<KeyValuePair<string, string>>? attributes = null, string? label = null)
    {
        _body.Append("<div class=\"chart").Append(cssClass is null ? "" : " " + Encode(cssClass)).Append('"');
        foreach (var (name, value) in attributes ?? [])
            _body.Append(' ').Append(Encode(name)).Append("=\"").Append(Encode(value)).Append('"');
        _body.Append('>');
        if (label is not null)
            _body.Append("<span class=\"label\">").Append(Encode(label)).Append("</span>");
        _body.Append(Inline(svg)).Append("</div>\n");
        return this;
    }

    /// <summary>The whole page.</summary>
    public string Render() =>
        $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{Encode(Title)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n<h1>{Encode(Title)}</h1>\n{_body}</body>\n</html>\n";

    private void Cell(object? cell)
    {
        switch (cell)
        {
            case null:
                _body.Append("<td></td>");
                return;
            case long or int or ulong:
            {
                string value = Convert.ToString(cell, CultureInfo.InvariantCulture)!;
                _body.Append("<td class=\"number\" data-value=\"").Append(value).Append("\">").Append(((IFormattable)cell).ToString("N0", CultureInfo.InvariantCulture)).Append("</td>");
                return;
            }
            case double d:
                _body.Append("<td class=\"number\" data-value=\"").Append(d.ToString("R", CultureInfo.InvariantCulture)).Append("\">")
                    .Append(d.ToString("N2", CultureInfo.InvariantCulture)).Append("</td>");
                return;
            default:
                _body.Append("<td>").Append(Encode(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "")).Append("</td>");
                return;
        }
    }

    /// <summary>An SVG document as an element of the page: its XML declaration dropped.</summary>
    private static string Inline(string svg)
    {
        string text = svg.TrimStart();
        if (text.StartsWith("<?xml", StringComparison.Ordinal))
            text = text[(text.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart();
        return text;
    }

    private static string Class(string? cssClass) => cssClass is null ? "" : $" class=\"{Encode(cssClass)}\"";

    public static string Encode(string text) => WebUtility.HtmlEncode(text);
}
