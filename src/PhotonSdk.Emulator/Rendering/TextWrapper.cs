using System.Text;

namespace PhotonSdk.Emulator.Rendering;

/// <summary>Breaks text into lines of at most a given number of characters, at spaces where it can.</summary>
internal static class TextWrapper
{
    /// <summary>
    /// Wraps <paramref name="text"/> into at most <paramref name="maxLines"/> lines of at most
    /// <paramref name="lineLength"/> characters; text that does not fit ends the last line with "...".
    /// </summary>
    public static List<string> Wrap(string text, int lineLength, int maxLines)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > 0)
            {
                var separator = line.Length == 0 ? 0 : 1;
                if (line.Length + separator + rest.Length <= lineLength)
                {
                    line.Append(separator == 1 ? " " : "").Append(rest);
                    rest = "";
                }
                else if (line.Length == 0)
                {
                    // A word longer than a line is cut, since it can never fit whole.
                    lines.Add(rest[..lineLength]);
                    rest = rest[lineLength..];
                }
                else
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        if (lines.Count > maxLines)
        {
            lines.RemoveRange(maxLines, lines.Count - maxLines);
            var last = lines[^1];
            lines[^1] = (last.Length + 3 <= lineLength ? last : last[..Math.Max(0, lineLength - 3)]) + "...";
        }

        return lines;
    }
}
