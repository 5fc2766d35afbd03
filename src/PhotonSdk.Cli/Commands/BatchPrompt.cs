namespace PhotonSdk.Cli.Commands;

/// <summary>One prompt of a batch file and the line it came from, so that failures point back into the file.</summary>
/// <param name="LineNumber">The 1-based line number.</param>
/// <param name="Text">The prompt.</param>
internal sealed record BatchPrompt(int LineNumber, string Text)
{
    /// <summary>Reads a batch file: one prompt per line; blank lines and lines starting with <c>#</c> are skipped.</summary>
    public static async Task<IReadOnlyList<BatchPrompt>> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No prompt file '{path}'.", path);
        var lines = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
        var prompts = new List<BatchPrompt>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            prompts.Add(new BatchPrompt(i + 1, text));
        }

        return prompts;
    }
}
