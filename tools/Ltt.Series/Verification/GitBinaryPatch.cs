using System.IO.Compression;

namespace Ltt.Series.Verification;

/// <summary>Decodes the "literal" blocks of a git binary patch: base85 lines, zlib-deflated content.</summary>
public static class GitBinaryPatch
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~";

    /// <summary>The new content of a binary diff given as "literal N", or null with a reason.</summary>
    public static byte[]? DecodeForwardLiteral(IReadOnlyList<string> diffLines, out string? problem)
    {
        problem = null;
        int at = diffLines.ToList().FindIndex(l => l == "GIT binary patch");
        if (at < 0 || at + 1 >= diffLines.Count)
        {
            problem = "a binary diff without 'GIT binary patch' data cannot be applied";
            return null;
        }
        string header = diffLines[at + 1];
        if (!header.StartsWith("literal ", StringComparison.Ordinal))
        {
            problem = "binary deltas are not applied by the verifier (only literal binary patches)";
            return null;
        }
        long size = long.Parse(header[8..]);
        var compressed = new List<byte>();
        for (int i = at + 2; i < diffLines.Count && diffLines[i].Length > 0; i++)
        {
            string line = diffLines[i];
            int length = line[0] is >= 'A' and <= 'Z' ? line[0] - 'A' + 1 : line[0] - 'a' + 27;
            var decoded = new List<byte>();
            for (int k = 1; k + 5 <= line.Length; k += 5)
            {
                uint acc = 0;
                for (int j = 0; j < 5; j++)
                    acc = acc * 85 + (uint)Alphabet.IndexOf(line[k + j]);
                decoded.Add((byte)(acc >> 24));
                decoded.Add((byte)(acc >> 16));
                decoded.Add((byte)(acc >> 8));
                decoded.Add((byte)acc);
            }
            compressed.AddRange(decoded.Take(length));
        }
        using var input = new ZLibStream(new MemoryStream(compressed.ToArray()), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        if (output.Length != size)
        {
            problem = $"binary literal is {output.Length} bytes, its header says {size}";
            return null;
        }
        return output.ToArray();
    }
}
