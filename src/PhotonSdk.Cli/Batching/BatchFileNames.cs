using System.Globalization;
using System.Text;

namespace PhotonSdk.Cli.Batching;

/// <summary>
/// Names a batch's images so that each leads back to its row: the row's own key (<c>fox-01.png</c>), or its line number
/// padded to sort in file order and the prompt's first words (<c>0007-a-red-fox-in-the-snow.png</c>). Letters and
/// digits of any script are kept, lower-cased; everything else becomes a dash, so a name is safe on every file system.
/// </summary>
internal static class BatchFileNames
{
    private const int MaxSlugLength = 48;
    private const int MaxKeyLength = 80;

    /// <summary>The name without an extension, which the image's type decides when it is saved.</summary>
    /// <param name="row">The row.</param>
    /// <param name="lineDigits">How many digits the batch's last line number has, so that names sort by line.</param>
    public static string BaseName(BatchRow row, int lineDigits)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.HasOwnKey)
        {
            var key = Slug(row.Key, MaxKeyLength, keepCase: true);
            if (key.Length > 0) return key;
        }

        var number = row.LineNumber.ToString(CultureInfo.InvariantCulture).PadLeft(lineDigits, '0');
        var slug = Slug(row.Prompt, MaxSlugLength, keepCase: false);
        return slug.Length == 0 ? number : $"{number}-{slug}";
    }

    private static string Slug(string text, int maxLength, bool keepCase)
    {
        var slug = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var c in text)
        {
            if (slug.Length >= maxLength) break;
            if (char.IsLetterOrDigit(c) || (keepCase && c is '_' or '.'))
            {
                slug.Append(keepCase ? c : char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-', '.');
    }
}
