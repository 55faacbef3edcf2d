namespace Ltt.Series.Trees;

/// <summary>One file of a tree: its bytes and whether git would record it as executable (mode 100755).</summary>
public sealed record TreeFile(byte[] Content, bool Executable)
{
    /// <summary>The git mode of the file, as patches write it.</summary>
    public string Mode => Executable ? "100755" : "100644";
}
