using PhotonSdk.Batch;
using PhotonSdk.Emulator;

namespace PhotonSdk.Orleans.Tests.Support;

/// <summary>Everything a job test runs against: the emulator, the webhook front end and a cluster, whose storage (for storage tests) is Redis.</summary>
public sealed class JobTestContext : IAsyncDisposable
{
    private JobTestContext(WaveSpeedEmulator emulator, WebhookFrontEnd frontEnd, bool redis, JobCluster cluster, string run)
    {
        Emulator = emulator;
        FrontEnd = frontEnd;
        _redis = redis;
        Cluster = cluster;
        Run = run;
    }

    public WaveSpeedEmulator Emulator { get; }
    public WebhookFrontEnd FrontEnd { get; }
    private readonly bool _redis;
    public JobCluster Cluster { get; }
    public string Run { get; }

    public IGrainFactory Grains => Cluster.Grains;

    /// <summary>How many times each job was told it finished, by job id.</summary>
    public IReadOnlyDictionary<string, System.Collections.Concurrent.ConcurrentQueue<PhotonImageJob>> Finished => FinishedJobs.Of(Run);

    public static async Task<JobTestContext> StartAsync(
        bool redis, short silos = 1, Action<EmulatorOptions>? emulator = null, Func<ClusterSettings, ClusterSettings>? settings = null)
    {
        var options = new EmulatorOptions { LatencyScale = 0.05, Seed = 11 };
        emulator?.Invoke(options);
        var started = await WaveSpeedEmulator.StartAsync(options);
        var frontEnd = await WebhookFrontEnd.StartAsync(started.WebhookSecret);
        var run = Guid.NewGuid().ToString("N");
        var clusterSettings = new ClusterSettings
        {
            Run = run,
            EmulatorUrl = started.BaseUrl,
            WebhookUrl = frontEnd.WebhookUrl,
            Redis = redis ? RedisServer.Require() : null,
        };
        var cluster = await JobCluster.StartAsync(settings?.Invoke(clusterSettings) ?? clusterSettings, silos);
        frontEnd.Grains = cluster.Grains;
        return new JobTestContext(started, frontEnd, redis, cluster, run);
    }

    /// <summary>Stops every silo at once and starts the cluster again on the same storage.</summary>
    public async Task RestartClusterAsync()
    {
        FrontEnd.Grains = null;
        await Cluster.RestartAsync();
        FrontEnd.Grains = Cluster.Grains;
    }

    /// <summary>Waits for a job to finish, within a guard.</summary>
    public Task<PhotonImageJob> WaitAsync(string jobId, int guardSeconds = 60) =>
        Grains.WaitForImageJobAsync(jobId).WaitAsync(TimeSpan.FromSeconds(guardSeconds));

    public async ValueTask DisposeAsync()
    {
        FrontEnd.Grains = null;
        await Cluster.DisposeAsync();
        await FrontEnd.DisposeAsync();
        await Emulator.DisposeAsync();
        if (_redis) await RedisServer.DeleteKeysOfAsync(Cluster.ServiceId);
    }
}
