namespace PhotonSdk.Batch;

/// <summary>
/// What a journal records of one item: its state and what is known with it. The batch writes a new entry for an item
/// before each act that depends on it (<see cref="IPhotonBatchJournal.WriteAsync"/>); a journal stores the latest per
/// <see cref="Key"/> and gives them back when the batch is opened again.
/// </summary>
/// <param name="Key">The item's key (<see cref="PhotonBatchItem.Key"/>).</param>
/// <param name="State">Where the item stands.</param>
public sealed record PhotonBatchJournalEntry(string Key, PhotonBatchItemState State)
{
    /// <summary>When the latest submit was about to be sent (the batch's clock); where a resume looks in the history for an uncertain item.</summary>
    public DateTimeOffset? SubmittingAt { get; init; }

    /// <summary>The prediction id, once known.</summary>
    public string? PredictionId { get; init; }

    /// <summary>The model the item is submitted to.</summary>
    public string? ModelId { get; init; }

    /// <summary>What the completed prediction cost, as the result reports it.</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>
    /// What this item's submits may have been billed, in all runs: the catalog price of every submit that may have
    /// created a prediction, corrected to the actual cost once it completes. A batch reopened with a spending cap counts
    /// the sum of these as already spent.
    /// </summary>
    public decimal SpentUsd { get; init; }

    /// <summary>The URL of the completed prediction's image, when it has one (not for base64 outputs).</summary>
    public string? OutputUrl { get; init; }

    /// <summary>Where the save hook put the image (a path or a URI), once saved.</summary>
    public string? SavedTo { get; init; }

    /// <summary>Why the item failed, is uncertain, or why its last attempt did not get through.</summary>
    public string? Error { get; init; }

    /// <summary>When this entry was written (the batch's clock).</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
