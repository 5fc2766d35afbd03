namespace PhotonSdk.Cli.Batching;

/// <summary>One image a batch file asks for: its key, the line it starts on, its prompt and the model it names, if any.</summary>
/// <param name="Key">The row's key: its own <c>key</c> column or field, else its line number. Stable while the file is.</param>
/// <param name="LineNumber">The 1-based line the row starts on, so that messages point into the file.</param>
/// <param name="Prompt">The prompt.</param>
/// <param name="Model">The model the row names (an id, a name or an alias), or <see langword="null"/> for the command's <c>--model</c>.</param>
/// <param name="HasOwnKey">Whether the key came from the file rather than from the line number.</param>
internal sealed record BatchRow(string Key, int LineNumber, string Prompt, string? Model, bool HasOwnKey)
{
    /// <summary>How messages name the row: <c>line 12</c>, or <c>fox-01 (line 12)</c> when it has its own key.</summary>
    public string Label => HasOwnKey ? $"{Key} (line {LineNumber})" : $"line {LineNumber}";
}
