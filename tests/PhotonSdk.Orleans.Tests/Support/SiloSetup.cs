using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using PhotonSdk.Batch;
using StackExchange.Redis;

namespace PhotonSdk.Orleans.Tests.Support;

/// <summary>
/// A test silo as an application builds one: the Photon client pointed at the emulator, image jobs, and either
/// Redis through Orleans' Redis providers (clustering, grain state, reminders) or in-memory storage and reminders for
/// tests of logic.
/// </summary>
public sealed class SiloSetup : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var config = siloBuilder.Configuration;
        var redis = config["Photon:Redis"];
        if (string.IsNullOrEmpty(redis))
        {
            siloBuilder.AddMemoryGrainStorage(PhotonImageJobOptions.StorageName);
            siloBuilder.UseInMemoryReminderService();
        }
        else
        {
            siloBuilder.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
            siloBuilder.AddRedisGrainStorage(PhotonImageJobOptions.StorageName, o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
            siloBuilder.UseRedisReminderService(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
        }

        // Reminders as often as the tests poll (Orleans' floor is a minute by default).
        siloBuilder.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(500));
        siloBuilder.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
        });

        siloBuilder.Services.AddPhotonClient(o =>
        {
            o.ApiKey = "test-key";
            o.BaseUrl = new Uri(config["Photon:EmulatorUrl"]!);
        });
        var run = config["Photon:Run"]!;
        siloBuilder.Services.AddSingleton<IPhotonImageJobListener>(new FinishedJobs(run));
        siloBuilder.AddPhotonImageJobs(o =>
        {
            o.WebhookUrl = new Uri(config["Photon:WebhookUrl"]!);
            if (config["Photon:ImagesPerMinute"] is { Length: > 0 } rate)
            {
                var perMinute = int.Parse(rate, CultureInfo.InvariantCulture);
                o.Tier = new PhotonAccountTier(config["Photon:Tier"]!, perMinute, perMinute);
            }

            if (config["Photon:MaxCostUsd"] is { Length: > 0 } cap) o.MaxCostUsd = decimal.Parse(cap, CultureInfo.InvariantCulture);
            o.PollInterval = Milliseconds(config, "Photon:PollIntervalMs");
            o.UncertainGrace = Milliseconds(config, "Photon:UncertainGraceMs");
            o.UncertainWindow = Milliseconds(config, "Photon:UncertainWindowMs");
        });
    }

    private static TimeSpan Milliseconds(IConfiguration config, string key) =>
        TimeSpan.FromMilliseconds(double.Parse(config[key]!, CultureInfo.InvariantCulture));
}
