namespace PhotonSdk.Cli.Commands;

/// <summary>One prompt of a batch file and the line it came from, so that failures point back into the file.</summary>
/// <param name="LineNumber">The 1-based line number.</param>
/// <param name="Text">The prompt.</param>
internal sealed record BatchPrompt(int LineNumber, string Text)
{
    /// <summary>Reads a batch file: one prompt per line; blank lines and lines starting with <c>#</c> are skipped.</summary>
    /// <exception cref="ArgumentException">The file is not UTF-8 text (an image, say); nothing is read from it.</exception>
    public static async Task<IReadOnlyList<BatchPrompt>> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No prompt file '{path}'.", path);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        if (!TryReadText(bytes, out var content))
        {
            throw new ArgumentException(
                $"{path} is not a text file of prompts (it holds binary data, e.g. an image). Nothing was submitted; pass a UTF-8 text file with one prompt per line.");
        }

        var lines = content.ReplaceLineEndings("\n").Split('\n');
        var prompts = new List<BatchPrompt>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            prompts.Add(new BatchPrompt(i + 1, text));
        }

        return prompts;
    }

    private static readonly System.Text.UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>UTF-8 (a byte-order mark allowed) without NUL or other control characters but tabs and line breaks.</summary>
    private static bool TryReadText(byte[] bytes, out string text)
    {
        try
        {
            text = Strict.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (System.Text.DecoderFallbackException)
        {
            text = "";
            return false;
        }

        return !text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));
    }
}
