namespace PhotonSdk.Orleans;

/// <summary>Where an image job stands. Each state is persisted before the act that depends on it.</summary>
public enum PhotonImageJobStatus
{
    /// <summary>No job has this id.</summary>
    None,

    /// <summary>Accepted and persisted; nothing sent yet (waiting for the cluster's rate or for a retry after a 429).</summary>
    Pending,

    /// <summary>
    /// About to be submitted: persisted before the submit request leaves. A job found in this state after a crash may
    /// have created a prediction; its webhook (which names the job) or the history tells.
    /// </summary>
    Submitting,

    /// <summary>Submitted: the prediction id is persisted. The job waits for its webhook and polls when none comes; it is never submitted again.</summary>
    Submitted,

    /// <summary>
    /// The submit's answer was lost and no prediction was found for it: one may exist. The job is not submitted again
    /// unless <see cref="PhotonImageJobOptions.ResubmitUncertain"/> is set.
    /// </summary>
    Uncertain,

    /// <summary>The prediction completed; its outputs and cost are persisted.</summary>
    Completed,

    /// <summary>The prediction failed, the API refused the request, or the budget had no room; the reason is persisted.</summary>
    Failed,
}
