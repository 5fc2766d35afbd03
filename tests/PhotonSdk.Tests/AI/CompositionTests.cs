using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.Tests.AI;

/// <summary>The generator in Microsoft.Extensions.AI pipelines: logging, OpenTelemetry and dependency injection.</summary>
public sealed class CompositionTests
{
    [Fact]
    public async Task It_composes_with_logging_and_open_telemetry()
    {
        using var client = new FakePhotonClient();
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        const string sourceName = "PhotonSdk.Tests.ImageGeneration";
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == sourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);

        using var generator = client.AsIImageGenerator("flash")
            .AsBuilder()
            .UseLogging(loggerFactory)
            .UseOpenTelemetry(loggerFactory, sourceName)
            .Build();
        var response = await generator.GenerateImagesAsync("A red fox", new ImageGenerationOptions { ModelId = "photon" });

        Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal("luma/photon", Assert.Single(client.GenerateCalls).Options!.Model);
        Assert.Contains(logs.GetSnapshot(), record => record.Message.Contains("GenerateAsync", StringComparison.Ordinal));
        var activity = Assert.Single(activities);
        Assert.Equal("wavespeed", activity.GetTagItem("gen_ai.provider.name"));
        Assert.Equal("photon", activity.GetTagItem("gen_ai.request.model"));
        Assert.Same(client, generator.GetService<IPhotonClient>());
    }

    [Fact]
    public async Task It_is_registered_and_resolved_through_dependency_injection()
    {
        using var client = new FakePhotonClient();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IPhotonClient>(client);
        services.AddImageGenerator(provider => provider.GetRequiredService<IPhotonClient>().AsIImageGenerator("photon")).UseLogging();
        using var provider = services.BuildServiceProvider();

        var generator = provider.GetRequiredService<IImageGenerator>();
        await generator.GenerateImagesAsync("A red fox");

        Assert.Equal("luma/photon", Assert.Single(client.GenerateCalls).Options!.Model);
        Assert.Equal("luma/photon", generator.GetService<ImageGeneratorMetadata>()!.DefaultModelId);
    }
}
