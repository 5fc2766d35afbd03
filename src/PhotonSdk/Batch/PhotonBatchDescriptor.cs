namespace PhotonSdk.Batch;

/// <summary>
/// Which batch a journal belongs to. A journal keeps the <see cref="Id"/> of the batch it was created for and refuses
/// to be opened for another, so that rerunning a changed batch against an old journal is an error rather than a
/// silent mix of two batches.
/// </summary>
public sealed class PhotonBatchDescriptor
{
    /// <summary>Describes a batch.</summary>
    /// <param name="id">A digest of the batch's items and the options that shape what is submitted.</param>
    /// <param name="itemCount">How many items it has.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    public PhotonBatchDescriptor(string id, int itemCount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        Id = id;
        ItemCount = itemCount;
    }

    /// <summary>
    /// A digest (SHA-256, hexadecimal) of every item's key, prompt, model and input image, in order. The same items give
    /// the same id; a changed prompt, model, order or count gives another.
    /// </summary>
    public string Id { get; }

    /// <summary>How many items the batch has.</summary>
    public int ItemCount { get; }

    /// <inheritdoc />
    public override string ToString() => $"batch {Id[..Math.Min(12, Id.Length)]} of {ItemCount} items";
}
