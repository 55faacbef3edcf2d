using System.Text.Encodings.Web;
using System.Text.Json;
using Ltt.Tracepoints.Model;

namespace Ltt.Tracepoints.Json;

/// <summary>
/// Writes a <see cref="ScanResult"/> as the machine-readable model of <c>ltt-gen scan --json</c>:
/// <c>{"events":[...],"markers":[...],"unresolved":[...],"leftOut":[...],"diagnostics":[...]}</c>, keys in a fixed order so
/// the same scan gives the same bytes.
/// </summary>
public static class ScanJsonWriter
{
    public static void Write(ScanResult result, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteStartArray("events");
        foreach (TracepointSite s in result.Sites)
            WriteSite(w, s);
        w.WriteEndArray();
        w.WriteStartArray("markers");
        foreach (MarkerSite m in result.Markers)
            WriteMarker(w, m);
        w.WriteEndArray();
        w.WriteStartArray("unresolved");
        foreach (UnresolvedSite u in result.Unresolved)
        {
            w.WriteStartObject();
            w.WriteString("name", u.Name);
            w.WriteString("macro", u.Macro);
            w.WriteString("header", u.Location.File);
            w.WriteNumber("line", u.Location.Line);
            WriteNullable(w, "guard", u.Guard);
            w.WriteString("reason", u.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("leftOut");
        foreach (LeftOutHeader h in result.LeftOut)
        {
            w.WriteStartObject();
            w.WriteString("header", h.File);
            w.WriteNumber("sites", h.Sites);
            w.WriteString("folder", h.Folder);
            w.WriteString("reason", h.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("diagnostics");
        foreach (ScanDiagnostic d in result.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("severity", d.Severity == DiagnosticSeverity.Error ? "error" : "warning");
            w.WriteString("file", d.Location.File);
            w.WriteNumber("line", d.Location.Line);
            w.WriteString("message", d.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string ToJson(ScanResult result)
    {
        using var stream = new MemoryStream();
        Write(result, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteSite(Utf8JsonWriter w, TracepointSite s)
    {
        w.WriteStartObject();
        w.WriteString("name", s.Name);
        w.WriteString("macro", s.Macro);
        WriteNullable(w, "class", s.Class);
        w.WriteString("system", s.System);
        w.WriteString("header", s.Location.File);
        w.WriteNumber("line", s.Location.Line);
        WriteNullable(w, "guard", s.Guard);
        w.WriteStartArray("args");
        foreach (TracepointArg a in s.Args)
        {
            w.WriteStartObject();
            w.WriteString("name", a.Name);
            w.WriteString("type", a.Type.Spelling);
            w.WriteNumber("size", a.Type.Size);
            w.WriteBoolean("signed", a.Type.IsSigned);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (s.IsEvent)
        {
            w.WriteStartArray("fields");
            foreach (EventField f in s.Fields)
            {
                w.WriteStartObject();
                w.WriteString("name", f.Name);
                w.WriteString("type", f.TypeSpelling);
                w.WriteNumber("offset", f.Offset);
                w.WriteNumber("size", f.Size);
                w.WriteBoolean("signed", f.IsSigned);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteNullable(w, "print_format", s.PrintFormat);
            WriteNullable(w, "print_args", s.PrintArgs);
        }
        w.WriteEndObject();
    }

    private static void WriteMarker(Utf8JsonWriter w, MarkerSite m)
    {
        w.WriteStartObject();
        w.WriteString("channel", m.Channel);
        w.WriteString("name", m.Name);
        w.WriteString("macro", m.Kind switch
        {
            MarkerSiteKind.TraceMark => "trace_mark",
            MarkerSiteKind.DefineMarker => "DEFINE_MARKER",
            _ => "DEFINE_MARKER_TP",
        });
        w.WriteString("format", m.FormatText);
        w.WriteString("file", m.Location.File);
        w.WriteNumber("line", m.Location.Line);
        WriteNullable(w, "tracepoint", m.Tracepoint);
        WriteNullable(w, "probe", m.Probe);
        w.WriteStartArray("fields");
        foreach (var f in m.Format.Fields)
            w.WriteStringValue(f.Name);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
            w.WriteNull(name);
        else
            w.WriteString(name, value);
    }
}
