namespace Ltt.Clang;

/// <summary>How libclang parses a translation unit (the <c>CXTranslationUnit_*</c> flags we use).</summary>
[Flags]
public enum ParseOptions
{
    None = 0,

    /// <summary>Keep macro definitions, expansions and inclusion directives, and the skipped (inactive) ranges.</summary>
    DetailedPreprocessingRecord = 0x01,

    /// <summary>The main file is a header whose declarations may be incomplete (needed to save a PCH).</summary>
    Incomplete = 0x02,

    /// <summary>Build a precompiled preamble of the main file's leading includes, reused on reparse.</summary>
    PrecompiledPreamble = 0x04,

    /// <summary>Keep what is needed to save the translation unit as a PCH.</summary>
    ForSerialization = 0x10,

    /// <summary>Do not parse function bodies: declarations and layouts are all we read.</summary>
    SkipFunctionBodies = 0x40,

    /// <summary>Build the precompiled preamble on the first parse rather than the first reparse.</summary>
    CreatePreambleOnFirstParse = 0x100,

    /// <summary>Continue after a fatal error (a missing include) so later declarations are still seen.</summary>
    KeepGoing = 0x200,

    /// <summary>Parse the main file alone without following its includes: tokens and directives only.</summary>
    SingleFileParse = 0x400,
}
