namespace PhotonSdk.Batch;

/// <summary>How an item of a batch ended (<see cref="PhotonBatchResult.Outcome"/>).</summary>
public enum PhotonBatchOutcome
{
    /// <summary>The image was saved by the batch's save hook (<see cref="PhotonBatchResult.SavedTo"/>).</summary>
    Saved,

    /// <summary>The image is ready (<see cref="PhotonBatchResult.OutputUrl"/>); the batch has no save hook.</summary>
    Completed,

    /// <summary>
    /// The image is ready and billed but could not be saved. The prediction id and output URL are kept, in the result
    /// and the journal; running the batch again fetches it by id and saves it, without a new submit.
    /// </summary>
    SaveFailed,

    /// <summary>The prediction failed, or the API refused the item's input (<see cref="PhotonBatchResult.Error"/> says why).</summary>
    Failed,

    /// <summary>
    /// The submit's answer was lost, and no prediction could be matched to it in the history: one may exist and be
    /// billed. The item is not submitted again unless <see cref="PhotonBatchOptions.ResubmitUncertain"/> asks for it.
    /// </summary>
    Uncertain,

    /// <summary>Not submitted: its price would have taken the batch past <see cref="PhotonBatchOptions.MaxCostUsd"/>. Nothing was sent.</summary>
    SkippedByBudget,

    /// <summary>
    /// The wait's bound passed, or the prediction's state could not be read: it may still finish. Running the batch
    /// again waits on its id.
    /// </summary>
    StillRunning,

    /// <summary>
    /// The run was cancelled (or stopped) while the item was in flight. When it has a prediction id, the prediction
    /// keeps running and is billed; running the batch again waits on that id.
    /// </summary>
    Cancelled,
}
