namespace Ltt.Clang;

/// <summary>A file given to libclang from memory: it shadows (or stands in for) the file at <see cref="Path"/>.</summary>
public sealed record UnsavedFile(string Path, string Contents);
