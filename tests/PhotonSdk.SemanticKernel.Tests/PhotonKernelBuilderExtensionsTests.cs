using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.TextToImage;
using PhotonSdk.Agents;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.SemanticKernel.Tests;

/// <summary>Registration with a kernel builder: the plugin and the text-to-image service, over a given client or a new one.</summary>
public sealed class PhotonKernelBuilderExtensionsTests
{
    [Fact]
    public async Task A_given_client_serves_the_plugin_and_the_service()
    {
        using var client = new FakePhotonClient();
        var kernel = Kernel.CreateBuilder()
            .AddPhotonImageGeneration(client, new PhotonImageToolsOptions { MaxImages = 1 })
            .Build();

        var first = await kernel.InvokeAsync<string>("photon", "generate_image", new KernelArguments { ["prompt"] = "A fox" });
        var second = await kernel.InvokeAsync<string>("photon", "generate_image", new KernelArguments { ["prompt"] = "A hare" });
        var images = await kernel.GetRequiredService<ITextToImageService>().GetImageContentsAsync(new TextContent("An owl"));

        Assert.Contains("Image ready", first, StringComparison.Ordinal);
        Assert.Contains("budget is used up", second, StringComparison.Ordinal);
        Assert.Single(images);
        Assert.Equal(["A fox", "An owl"], client.GenerateCalls.Select(c => c.Prompt));
    }

    [Fact]
    public void The_plugin_name_is_configurable()
    {
        using var client = new FakePhotonClient();
        var kernel = Kernel.CreateBuilder().AddPhotonImageGeneration(client, pluginName: "images").Build();

        Assert.True(kernel.Plugins.TryGetFunction("images", "generate_image", out _));
        Assert.True(kernel.Plugins.TryGetFunction("images", "get_image_result", out _));
    }

    [Fact]
    public void Client_options_register_one_photon_client_for_everything()
    {
        var builder = Kernel.CreateBuilder().AddPhotonImageGeneration(
            new PhotonClientOptions { ApiKey = "test-key", BaseUrl = new Uri("http://127.0.0.1:9/") });
        var kernel = builder.Build();

        var client = kernel.GetRequiredService<IPhotonClient>();
        Assert.Same(kernel.GetRequiredService<PhotonClient>(), client);
        Assert.NotNull(kernel.GetRequiredService<ITextToImageService>());
        Assert.True(kernel.Plugins.TryGetFunction(PhotonImageToolsKernelExtensions.DefaultPluginName, "generate_image", out _));
    }

    [Fact]
    public void Bad_plugin_options_fail_at_registration()
    {
        var error = Assert.Throws<ArgumentException>(() => Kernel.CreateBuilder().AddPhotonImageGeneration(
            new PhotonClientOptions { ApiKey = "test-key" }, new PhotonImageToolsOptions { MaxImages = -1 }));

        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public async Task The_client_can_come_from_the_services_default_or_keyed()
    {
        using var defaultClient = new FakePhotonClient();
        using var teamClient = new FakePhotonClient();
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton<IPhotonClient>(defaultClient);
        builder.Services.AddKeyedSingleton<IPhotonClient>("team-b", teamClient);
        builder.AddPhotonImageGenerationFromServices();
        builder.AddPhotonImageGenerationFromServices("team-b", pluginName: "team_b");
        var kernel = builder.Build();

        await kernel.InvokeAsync<string>("photon", "generate_image", new KernelArguments { ["prompt"] = "A fox" });
        await kernel.InvokeAsync<string>("team_b", "generate_image", new KernelArguments { ["prompt"] = "A hare" });

        Assert.Equal(["A fox"], defaultClient.GenerateCalls.Select(c => c.Prompt));
        Assert.Equal(["A hare"], teamClient.GenerateCalls.Select(c => c.Prompt));
    }
}
