using Ltt.Trace.Ftrace;
using Ltt.Trace.Reader;
using Ltt.Trace.Reader.Metadata;
using Ltt.Trace.Validation;

namespace Ltt.Fuzz;

/// <summary>The trace targets: ftrace pages, CTF metadata, streams and the validator, each reading files as the tools do.</summary>
public static partial class FuzzTargets
{
    private static FtraceRecord? _ftrace;

    private static void FtracePages(byte[] input)
    {
        _ftrace ??= OpenFtraceSkeleton();
        string pages = _ftrace.Cpus[0].PagesFile;
        File.WriteAllBytes(pages, input);
        using var cursor = _ftrace.OpenCursor(_ftrace.Cpus[0]);
        while (cursor.MoveNext())
        {
            if (cursor.Format is not null)
                cursor.ReadPayload();
        }
    }

    private static FtraceRecord OpenFtraceSkeleton()
    {
        string dir = Path.Combine(Scratch, "ftrace");
        foreach (var (path, bytes) in FuzzSkeletons.FtraceFiles)
        {
            string file = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, bytes);
        }
        File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(Path.Combine(dir, "per_cpu", "cpu0")).FullName, "trace_pipe_raw"), []);
        var opened = FtraceRecord.Open(dir);
        return opened.Record ?? throw new InvalidOperationException("the ftrace skeleton does not open: " + string.Join("; ", opened.Diagnostics));
    }

    /// <summary>The reader allocates one page of the size header_page gives before it reads a byte of the pages.</summary>
    private static void FtraceHeaderPage(byte[] input)
    {
        if (FtraceFormatParser.ParseHeaderPage(Text(input), "header_page", []) is { PageSize: var size } && size is <= 0 or > 1 << 20)
            throw new InvalidOperationException($"accepted a page of {size} bytes");
    }

    private static void TsdlPacketized(byte[] input)
    {
        if (MetadataFile.Decode(input, "metadata", []) is { } text)
            TsdlParser.Parse(text, "metadata");
    }

    private static void CtfStream(byte[] input)
    {
        string dir = Path.Combine(Scratch, "ctf");
        if (!File.Exists(Path.Combine(dir, "metadata")))
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, "metadata"), FuzzSkeletons.CtfMetadata);
        }
        File.WriteAllBytes(Path.Combine(dir, "stream_0"), input);
        ReadAll(dir);
    }

    private static void CtfTrace(byte[] input) => ReadAll(WriteTrace(input, "ctf-trace"));

    private static void Validator(byte[] input) => TraceValidator.Validate(WriteTrace(input, "validator"));

    /// <summary>Opens the trace in <paramref name="dir"/> and decodes every event of every stream, as dump does.</summary>
    private static void ReadAll(string dir)
    {
        var opened = TraceSet.Open(dir);
        if (opened.Traces is not { } traces)
            return;
        using (traces)
        {
            foreach (var stream in traces.Streams)
            {
                while (stream.MoveNext())
                    stream.ReadPayload();
            }
        }
    }

    /// <summary>
    /// Writes a two-part input as a trace folder: the bytes before the first NUL are the
    /// metadata (TSDL text has no NUL), the rest the one stream file.
    /// </summary>
    private static string WriteTrace(byte[] input, string name)
    {
        string dir = Directory.CreateDirectory(Path.Combine(Scratch, name)).FullName;
        int nul = Array.IndexOf(input, (byte)0);
        var metadata = nul < 0 ? input : input[..nul];
        var stream = nul < 0 ? [] : input[(nul + 1)..];
        File.WriteAllBytes(Path.Combine(dir, "metadata"), metadata);
        File.WriteAllBytes(Path.Combine(dir, "stream_0"), stream);
        return dir;
    }
}
