using System.Globalization;

namespace Ltt.Trace.Reader.Text;

/// <summary>C's <c>printf("%g")</c> for doubles, as glibc prints it, without allocating.</summary>
public static class CFormat
{
    private static readonly string[] FixedFormats = Enumerable.Range(0, 12).Select(n => "F" + n).ToArray();

    /// <summary>Writes <paramref name="value"/> like <c>%g</c> (6 significant digits) into <paramref name="output"/>; returns the length.</summary>
    public static int FormatG(double value, Span<byte> output)
    {
        if (double.IsNaN(value))
            return Copy(BitConverter.DoubleToInt64Bits(value) < 0 ? "-nan"u8 : "nan"u8, output);
        if (double.IsInfinity(value))
            return Copy(value < 0 ? "-inf"u8 : "inf"u8, output);
        if (value == 0)
            return Copy(BitConverter.DoubleToInt64Bits(value) < 0 ? "-0"u8 : "0"u8, output);
        Span<byte> scientific = stackalloc byte[32];
        value.TryFormat(scientific, out int length, "E5", CultureInfo.InvariantCulture);
        int e = scientific[..length].IndexOf((byte)'E');
        int exponent = int.Parse(scientific[(e + 1)..length], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (exponent < -4 || exponent >= 6)
        {
            int mantissa = StripZeros(scientific[..e]);
            scientific[..mantissa].CopyTo(output);
            int n = mantissa;
            output[n++] = (byte)'e';
            output[n++] = exponent < 0 ? (byte)'-' : (byte)'+';
            int abs = Math.Abs(exponent);
            if (abs < 10)
                output[n++] = (byte)'0';
            abs.TryFormat(output[n..], out int digits, default, CultureInfo.InvariantCulture);
            return n + digits;
        }
        value.TryFormat(output, out int fixedLength, FixedFormats[5 - exponent], CultureInfo.InvariantCulture);
        return StripZeros(output[..fixedLength]);
    }

    private static int StripZeros(Span<byte> text)
    {
        if (text.IndexOf((byte)'.') < 0)
            return text.Length;
        int end = text.Length;
        while (text[end - 1] == (byte)'0')
            end--;
        if (text[end - 1] == (byte)'.')
            end--;
        return end;
    }

    private static int Copy(ReadOnlySpan<byte> text, Span<byte> output)
    {
        text.CopyTo(output);
        return text.Length;
    }
}
