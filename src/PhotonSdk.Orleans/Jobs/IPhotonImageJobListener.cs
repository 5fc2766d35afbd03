namespace PhotonSdk.Orleans;

/// <summary>
/// Told when a job finishes, on the silo that holds it, once its final state is persisted: the place to copy the
/// image to your own storage (WaveSpeed keeps outputs for 7 days). Register any number as singletons.
/// </summary>
/// <remarks>
/// A silo that dies between persisting the final state and calling the listeners skips them for that job; the state
/// (<see cref="IPhotonImageJobGrain.GetAsync"/>) is the record. A listener that throws is logged and does not undo
/// the job.
/// </remarks>
public interface IPhotonImageJobListener
{
    /// <summary>Called once a job is completed, failed or left uncertain.</summary>
    /// <param name="job">The finished job.</param>
    /// <param name="cancellationToken">Cancelled when the grain is deactivated.</param>
    /// <returns>A task that completes when the listener is done.</returns>
    Task OnFinishedAsync(PhotonImageJob job, CancellationToken cancellationToken);
}
