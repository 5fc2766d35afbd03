using Orleans.Concurrency;

namespace PhotonSdk.Orleans;

/// <summary>
/// One image job, keyed by the caller's job id: the single writer of the job's state in the whole cluster. Starting
/// it submits one prediction, once; the prediction's webhook completes it, and a reminder-driven poll does when no
/// webhook arrives. Its state survives restarts of any silo, or of all of them.
/// </summary>
public interface IPhotonImageJobGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the job, or returns it as it stands when it was started before (whatever request is passed the second
    /// time). Returns once the request is persisted; the submit follows, paced to the account's tier.
    /// </summary>
    /// <param name="request">What to generate.</param>
    /// <returns>The job.</returns>
    /// <exception cref="ArgumentException">The prompt is empty or the model unknown; nothing was persisted or sent.</exception>
    Task<PhotonImageJob> StartAsync(PhotonImageJobRequest request);

    /// <summary>Reads the job as it stands; <see cref="PhotonImageJobStatus.None"/> when it was never started.</summary>
    /// <returns>The job.</returns>
    [AlwaysInterleave]
    Task<PhotonImageJob> GetAsync();

    /// <summary>Waits until the job is finished or <paramref name="timeout"/> passes, then returns it as it stands.</summary>
    /// <param name="timeout">How long to wait; keep it below the cluster's response timeout (30 s by default) and call again.</param>
    /// <returns>The job.</returns>
    [AlwaysInterleave]
    Task<PhotonImageJob> WaitAsync(TimeSpan timeout);

    /// <summary>
    /// Hands the job a finished prediction delivered by webhook. A duplicate, a delivery for a finished job, or one for
    /// another prediction than the job's is ignored.
    /// </summary>
    /// <param name="prediction">The prediction.</param>
    /// <returns>The job after the delivery.</returns>
    Task<PhotonImageJob> CompleteFromWebhookAsync(PhotonImageJobPrediction prediction);

    /// <summary>
    /// Moves the job on now, as its reminder does: submits a pending job, looks for the prediction of an uncertain one,
    /// polls a submitted one.
    /// </summary>
    /// <returns>The job afterwards.</returns>
    Task<PhotonImageJob> RefreshAsync();
}
