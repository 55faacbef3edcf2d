using System.CommandLine;
using System.Globalization;
using System.Numerics;

namespace Ltt.Cli;

/// <summary>
/// Whole-number options that say their range in <c>--help</c> and, for a bad value, one line
/// naming the option, the value and the range (never a .NET type name).
/// </summary>
public static class NumberOption
{
    /// <param name="powerOfTwo">Only powers of two are accepted (buffer sizes).</param>
    public static Option<T> Create<T>(string name, string description, T min, T max, T defaultValue, bool powerOfTwo = false, params string[] aliases)
        where T : struct, IBinaryInteger<T>
    {
        string range = powerOfTwo ? $"a power of two from {min} to {max}" : $"{min} to {max}";
        var option = new Option<T>(name, aliases)
        {
            Description = $"{description} ({range})",
            DefaultValueFactory = _ => defaultValue,
        };
        option.CustomParser = result =>
        {
            string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (!T.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out T value) || value < min || value > max
                || (powerOfTwo && !T.IsPow2(value)))
            {
                result.AddError($"{name}: '{text}' is not {(powerOfTwo ? range : "a whole number from " + range)}");
                return defaultValue;
            }
            return value;
        };
        return option;
    }
}
