namespace PhotonSdk.Batch;

/// <summary>
/// Where an item stands, as its journal records it. Each state is written before the act that depends on it, so that
/// after a crash the journal tells exactly what may have happened.
/// </summary>
public enum PhotonBatchItemState
{
    /// <summary>Nothing was sent for it, or what was sent provably created nothing (a 4xx answer, 429 among them).</summary>
    Pending,

    /// <summary>
    /// About to be submitted: written before the submit request leaves. An item left in this state was cut off before
    /// its answer was recorded, and a prediction may exist; a resume looks for it in the history.
    /// </summary>
    Submitting,

    /// <summary>Submitted: the prediction id is recorded. A resume waits on that id and never submits the item again.</summary>
    Submitted,

    /// <summary>The prediction completed; its output URL and cost are recorded. Saving the image comes next, when the batch saves.</summary>
    Completed,

    /// <summary>The image was saved where the batch's save hook put it.</summary>
    Saved,

    /// <summary>The prediction failed, or the API refused the item's input; the reason is recorded.</summary>
    Failed,

    /// <summary>
    /// The submit's answer was lost (a 5xx, a timeout after sending, a cut-off): a prediction may exist. A resume looks
    /// for it in the history and otherwise leaves the item alone unless told to submit it again.
    /// </summary>
    Uncertain,
}
