namespace PhotonSdk.Batch;

/// <summary>
/// One image a batch is to make: the caller's key for it, its prompt and the choices that differ per item. The key names
/// the item in the results and in the journal, so it must be unique within the batch and stay the same when the batch
/// is run again (a line number, a row id, a file name).
/// </summary>
public sealed class PhotonBatchItem
{
    /// <summary>Creates an item.</summary>
    /// <param name="key">The caller's key: unique within the batch, stable across runs.</param>
    /// <param name="prompt">What the image shows.</param>
    /// <exception cref="ArgumentException">The key or the prompt is empty.</exception>
    public PhotonBatchItem(string key, string prompt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
        Key = key;
        Prompt = prompt;
    }

    /// <summary>The caller's key.</summary>
    public string Key { get; }

    /// <summary>What the image shows.</summary>
    public string Prompt { get; }

    /// <summary>The model: an id, a name or an alias, as <see cref="GenerationOptions.Model"/>. Set this or <see cref="Quality"/>, not both.</summary>
    public string? Model { get; init; }

    /// <summary>Draft (Photon Flash) or final (Photon), as <see cref="GenerationOptions.Quality"/>.</summary>
    public PhotonQuality? Quality { get; init; }

    /// <summary>An image to modify (an absolute http(s) URL); routes the item to a modify model.</summary>
    public Uri? InputImage { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Key}: {Prompt}";
}
