using Microsoft.Extensions.AI;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.Tests.AI;

/// <summary><c>GetService</c>: the provider metadata, the client and the generator itself.</summary>
public sealed class GetServiceTests
{
    [Fact]
    public void Metadata_names_wavespeed_the_api_root_and_the_default_model()
    {
        using var client = new PhotonClient(new PhotonClientOptions { ApiKey = "test-key", BaseUrl = new Uri("http://127.0.0.1:5599") });
        using var generator = client.AsIImageGenerator("photon");

        var metadata = generator.GetService<ImageGeneratorMetadata>()!;

        Assert.Equal("wavespeed", metadata.ProviderName);
        Assert.Equal(new Uri("http://127.0.0.1:5599/api/v3/"), metadata.ProviderUri);
        Assert.Equal("luma/photon", metadata.DefaultModelId);
    }

    [Fact]
    public void Without_a_default_model_the_metadata_names_the_clients()
    {
        using var client = new PhotonClient(new PhotonClientOptions
        {
            ApiKey = "test-key", BaseUrl = new Uri("http://127.0.0.1:5599"), Routing = new RoutingOptions { DefaultModel = "photon" },
        });
        using var generator = client.AsIImageGenerator();

        Assert.Equal("luma/photon", generator.GetService<ImageGeneratorMetadata>()!.DefaultModelId);
    }

    [Fact]
    public void Over_another_client_the_metadata_has_no_address()
    {
        using var harness = new GeneratorHarness();

        var metadata = harness.Generator.GetService<ImageGeneratorMetadata>()!;

        Assert.Equal("wavespeed", metadata.ProviderName);
        Assert.Null(metadata.ProviderUri);
        Assert.Null(metadata.DefaultModelId);
    }

    [Fact]
    public void The_client_and_the_generator_are_services()
    {
        using var client = new PhotonClient(new PhotonClientOptions { ApiKey = "test-key", BaseUrl = new Uri("http://127.0.0.1:5599") });
        using var generator = client.AsIImageGenerator();

        Assert.Same(client, generator.GetService<IPhotonClient>());
        Assert.Same(client, generator.GetService<PhotonClient>());
        Assert.Same(generator, generator.GetService<IImageGenerator>());
        Assert.Null(generator.GetService<ImageGeneratorMetadata>(serviceKey: "other"));
        Assert.Null(generator.GetService<IChatClient>());
    }

    [Fact]
    public void Disposing_the_generator_leaves_the_client_usable()
    {
        using var client = new FakePhotonClient();
        var generator = client.AsIImageGenerator();

        generator.Dispose();

        Assert.NotNull(client.GetPrediction("pred-001"));
    }
}
