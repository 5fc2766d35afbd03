using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Services;
using Microsoft.SemanticKernel.TextToImage;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.SemanticKernel.Tests;

/// <summary>Semantic Kernel's text-to-image service over the client: URL images, model choice, ignored sizes.</summary>
public sealed class PhotonTextToImageServiceTests
{
    [Fact]
    public async Task An_image_comes_back_as_a_url_with_the_result_inside()
    {
        using var client = new FakePhotonClient();
        var service = new PhotonTextToImageService(client);

        var images = await service.GetImageContentsAsync(new TextContent("A red fox"));

        var image = Assert.Single(images);
        Assert.Equal(CannedResults.UrlFor("pred-001"), image.Uri);
        Assert.Equal("image/png", image.MimeType);
        Assert.Equal("luma/photon-flash", image.ModelId);
        Assert.Equal("pred-001", image.Metadata![PhotonTextToImageService.PredictionIdMetadataKey]);
        Assert.Equal(0.005m, image.Metadata[PhotonTextToImageService.CostUsdMetadataKey]);
        Assert.IsType<ImageGenerationResult>(image.InnerContent);
        Assert.Equal(ImageResponseFormat.Url, Assert.Single(client.GenerateCalls).Options!.ResponseFormat);
    }

    [Fact]
    public async Task The_execution_settings_model_wins_over_the_default()
    {
        using var client = new FakePhotonClient();
        var service = new PhotonTextToImageService(client, "flash");

        await service.GetImageContentsAsync(new TextContent("A red fox"), new PromptExecutionSettings { ModelId = "photon" });

        Assert.Equal("luma/photon", Assert.Single(client.GenerateCalls).Options!.Model);
        Assert.Equal("luma/photon-flash", service.GetModelId());
    }

    [Fact]
    public async Task Width_and_height_are_ignored()
    {
        using var client = new FakePhotonClient();
        ITextToImageService service = new PhotonTextToImageService(client);

        var url = await service.GenerateImageAsync("A red fox", 1024, 768);

        Assert.Equal(CannedResults.UrlFor("pred-001").ToString(), url);
        Assert.Equal("A red fox", Assert.Single(client.GenerateCalls).Prompt);
    }

    [Fact]
    public async Task An_unknown_model_is_refused_before_anything_is_sent()
    {
        using var client = new FakePhotonClient();
        var service = new PhotonTextToImageService(client);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            service.GetImageContentsAsync(new TextContent("A red fox"), new PromptExecutionSettings { ModelId = "dall-e-3" }));
        Assert.Throws<ArgumentException>(() => new PhotonTextToImageService(client, "dall-e-3"));
        Assert.Equal(0, client.SentCount);
    }
}
