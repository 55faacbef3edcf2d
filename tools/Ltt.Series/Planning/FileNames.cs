using System.Text;

namespace Ltt.Series.Planning;

/// <summary>git format-patch's file names: the subject reduced to letters, digits, '.', '_' and single dashes.</summary>
public static class FileNames
{
    /// <summary>git's format_sanitized_subject, cut to <paramref name="max"/> characters.</summary>
    public static string Slug(string subject, int max)
    {
        var sb = new StringBuilder();
        int space = 2;
        for (int i = 0; i < subject.Length; i++)
        {
            char c = subject[i];
            if (c < 128 && (char.IsAsciiLetterOrDigit(c) || c is '.' or '_'))
            {
                if (space == 1)
                    sb.Append('-');
                space = 0;
                sb.Append(c);
                if (c == '.')
                    while (i + 1 < subject.Length && subject[i + 1] == '.')
                        i++;
            }
            else
            {
                space |= 1;
            }
        }
        while (sb.Length > 0 && sb[^1] is '.' or '-')
            sb.Length--;
        if (sb.Length > max)
            sb.Length = max;
        return sb.ToString();
    }

    /// <summary>"v2-0003-sched-fix-it.patch" as git names the file of patch <paramref name="number"/>.</summary>
    public static string PatchFile(int? version, int number, string title)
    {
        string prefix = (version is int v ? $"v{v}-" : "") + $"{number:0000}-";
        const int nameMax = 64 - 6 - 1; // git's patch_name_max minus ".patch" and one
        return prefix + Slug(title, Math.Max(0, nameMax - prefix.Length)) + ".patch";
    }
}
