namespace Ltt.Trace.Reader.Metadata;

/// <summary>Character encoding of a string or of an 8-bit integer used as a character.</summary>
public enum CtfEncoding
{
    None,
    Utf8,
    Ascii,
}
