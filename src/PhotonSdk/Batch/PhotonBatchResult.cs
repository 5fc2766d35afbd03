namespace PhotonSdk.Batch;

/// <summary>How one item of a batch ended, with everything needed to find its image again.</summary>
public sealed class PhotonBatchResult
{
    internal PhotonBatchResult(PhotonBatchItem item, PhotonBatchOutcome outcome)
    {
        Item = item;
        Outcome = outcome;
    }

    /// <summary>The item.</summary>
    public PhotonBatchItem Item { get; }

    /// <summary>The item's key.</summary>
    public string Key => Item.Key;

    /// <summary>How it ended.</summary>
    public PhotonBatchOutcome Outcome { get; }

    /// <summary>The prediction id, whenever one is known: keep it to fetch the image later.</summary>
    public string? PredictionId { get; internal init; }

    /// <summary>The model the item was submitted to (or was to be).</summary>
    public string? ModelId { get; internal init; }

    /// <summary>
    /// What the item's prediction costs: the billed cost of a completed one, the catalog price of one still running or
    /// cancelled while running; <see langword="null"/> when nothing was created or it failed.
    /// </summary>
    public decimal? CostUsd { get; internal init; }

    /// <summary>The image's URL, when the prediction completed with one.</summary>
    public string? OutputUrl { get; internal init; }

    /// <summary>Where the save hook put the image.</summary>
    public string? SavedTo { get; internal init; }

    /// <summary>The completed prediction, when this run waited on it (not for items finished by an earlier run).</summary>
    public ImageGenerationResult? Result { get; internal init; }

    /// <summary>Why the item failed, is uncertain, was skipped or stopped.</summary>
    public string? Error { get; internal init; }

    /// <summary>The exception behind <see cref="Error"/>, when this run raised one.</summary>
    public Exception? Exception { get; internal init; }

    /// <summary>Whether an earlier run finished the item, as the journal says: nothing was sent for it in this run.</summary>
    public bool DoneEarlier { get; internal init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Key}: {Outcome}{(PredictionId is null ? "" : $" ({PredictionId})")}{(Error is null ? "" : $": {Error}")}";
}
