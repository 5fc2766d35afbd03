using System.Collections.Concurrent;

namespace PhotonSdk.Orleans.Tests.Support;

/// <summary>
/// Counts, per test run, how many times each job was told to have finished: the listener the silos of a test cluster
/// register (silos run in this process, so a static registry reaches them).
/// </summary>
public sealed class FinishedJobs : IPhotonImageJobListener
{
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ConcurrentQueue<PhotonImageJob>>> Runs = new(StringComparer.Ordinal);
    private readonly string _run;

    public FinishedJobs(string run) => _run = run;

    public static IReadOnlyDictionary<string, ConcurrentQueue<PhotonImageJob>> Of(string run) => Runs.GetOrAdd(run, _ => new(StringComparer.Ordinal));

    public Task OnFinishedAsync(PhotonImageJob job, CancellationToken cancellationToken)
    {
        Runs.GetOrAdd(_run, _ => new(StringComparer.Ordinal)).GetOrAdd(job.JobId, _ => new()).Enqueue(job);
        return Task.CompletedTask;
    }
}
