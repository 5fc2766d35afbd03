using PhotonSdk.Orleans;

namespace Orleans;

/// <summary>Starting and awaiting image jobs from any node or client of the cluster.</summary>
public static class PhotonImageJobsGrainFactoryExtensions
{
    /// <summary>How long one wait call to a job lasts before the next, below Orleans' default response timeout.</summary>
    private static readonly TimeSpan WaitSlice = TimeSpan.FromSeconds(20);

    /// <summary>The job with this id (started or not).</summary>
    /// <param name="grains">The grain factory (a silo's, or a cluster client).</param>
    /// <param name="jobId">The caller's job id.</param>
    /// <returns>The job's grain.</returns>
    public static IPhotonImageJobGrain GetImageJob(this IGrainFactory grains, string jobId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return grains.GetGrain<IPhotonImageJobGrain>(jobId);
    }

    /// <summary>Waits until a job is finished, however long it takes, calling its grain in slices within the response timeout.</summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Stops the waiting (not the job).</param>
    /// <returns>The finished job (or one never started: <see cref="PhotonImageJobStatus.None"/>).</returns>
    public static async Task<PhotonImageJob> WaitForImageJobAsync(this IGrainFactory grains, string jobId, CancellationToken cancellationToken = default)
    {
        var job = grains.GetImageJob(jobId);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var state = await job.WaitAsync(WaitSlice).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (state.IsFinished || state.Status == PhotonImageJobStatus.None) return state;
        }
    }
}
