using Orleans.TestingHost;

namespace PhotonSdk.Orleans.Tests.Support;

/// <summary>A TestingHost cluster of silos in this process, built from <see cref="ClusterSettings"/>; started again on the same storage after a full stop.</summary>
public sealed class JobCluster : IAsyncDisposable
{
    private readonly ClusterSettings _settings;
    private readonly short _silos;
    /// <summary>The cluster's service and cluster id, new for each test cluster and kept across its restarts.</summary>
    public string ServiceId { get; } = "photon-" + Guid.NewGuid().ToString("N")[..8];

    private JobCluster(ClusterSettings settings, short silos)
    {
        _settings = settings;
        _silos = silos;
    }

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public static async Task<JobCluster> StartAsync(ClusterSettings settings, short silos = 2)
    {
        var cluster = new JobCluster(settings, silos);
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Stops every silo at once (no graceful hand-over) and deploys a new cluster on the same storage.</summary>
    public async Task RestartAsync()
    {
        foreach (var silo in Cluster.Silos.ToList()) await Cluster.KillSiloAsync(silo);
        await Cluster.DisposeAsync();
        await DeployAsync();
    }

    private async Task DeployAsync()
    {
        var builder = new TestClusterBuilder(_silos);
        builder.Options.ServiceId = ServiceId;
        builder.Options.ClusterId = ServiceId;
        builder.Options.ConfigureFileLogging = false;
        foreach (var (key, value) in _settings.ToProperties()) builder.Properties[key] = value;
        builder.AddSiloBuilderConfigurator<SiloSetup>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        Cluster = cluster;
    }

    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
    }
}
