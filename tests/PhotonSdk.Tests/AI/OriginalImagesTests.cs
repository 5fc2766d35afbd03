using Microsoft.Extensions.AI;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.Tests.AI;

/// <summary><see cref="ImageGenerationRequest.OriginalImages"/> routes to a modify model with the image as its input; bytes are uploaded first.</summary>
public sealed class OriginalImagesTests
{
    private static readonly Uri Original = new("https://example.com/cat.png");

    [Fact]
    public async Task A_uri_image_goes_to_the_flash_modify_model_by_default()
    {
        using var harness = new GeneratorHarness(defaultModelId: "flash");

        await harness.Generator.EditImagesAsync([new UriContent(Original, "image/png")], "Make it snow");

        Assert.Equal("luma/photon-flash-modify", harness.SentOptions.Model);
        Assert.Equal(Original, harness.SentOptions.InputImage);
        Assert.Empty(harness.Client.Uploads);
    }

    [Theory]
    [InlineData("photon", "luma/photon-modify")]
    [InlineData("luma/photon", "luma/photon-modify")]
    [InlineData("flash", "luma/photon-flash-modify")]
    [InlineData("luma/photon-modify", "luma/photon-modify")]
    public async Task The_model_id_picks_the_modify_model_of_its_tier(string modelId, string expected)
    {
        using var harness = new GeneratorHarness();

        await harness.Generator.EditImagesAsync([new UriContent(Original, "image/png")], "Make it snow", new ImageGenerationOptions { ModelId = modelId });

        Assert.Equal(expected, harness.SentOptions.Model);
    }

    [Fact]
    public async Task Without_any_model_the_client_routes_the_image()
    {
        using var harness = new GeneratorHarness();

        await harness.Generator.EditImagesAsync([new UriContent(Original, "image/png")], "Make it snow");

        Assert.Null(harness.SentOptions.Model);
        Assert.Equal(Original, harness.SentOptions.InputImage);
    }

    [Fact]
    public async Task Bytes_are_uploaded_first_and_their_download_url_is_the_input()
    {
        using var harness = new GeneratorHarness();
        byte[] bytes = [.. CannedResults.PngBytes, 1, 2, 3];

        await harness.Generator.EditImageAsync(new DataContent(bytes, "image/png") { Name = "cat.png" }, "Make it snow");

        var upload = Assert.Single(harness.Client.Uploads);
        Assert.Equal(bytes, upload.Content);
        Assert.Equal("cat.png", upload.FileName);
        Assert.Equal("image/png", upload.ContentType);
        Assert.Equal(harness.Client.UploadUrl, harness.SentOptions.InputImage);
    }

    [Fact]
    public async Task Unnamed_bytes_get_a_file_name_from_their_media_type()
    {
        using var harness = new GeneratorHarness();

        await harness.Generator.EditImagesAsync([new DataContent(CannedResults.PngBytes, "image/png")], "Make it snow");

        Assert.Equal("original.png", Assert.Single(harness.Client.Uploads).FileName);
    }

    [Fact]
    public async Task A_url_that_is_not_http_throws_before_anything_is_sent()
    {
        using var harness = new GeneratorHarness();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            harness.Generator.EditImagesAsync([new UriContent(new Uri("file:///tmp/cat.png"), "image/png")], "Make it snow"));

        Assert.Contains("http(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Client.SentCount);
    }

    [Fact]
    public async Task Two_images_throw_before_anything_is_sent()
    {
        using var harness = new GeneratorHarness();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Generator.EditImagesAsync(
            [new UriContent(Original, "image/png"), new DataContent(CannedResults.PngBytes, "image/png")], "Make it snow"));

        Assert.Equal(0, harness.Client.SentCount);
    }

    [Fact]
    public async Task Text_instead_of_an_image_throws_before_anything_is_sent()
    {
        using var harness = new GeneratorHarness();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Generator.EditImagesAsync([new TextContent("a cat")], "Make it snow"));

        Assert.Equal(0, harness.Client.SentCount);
    }

    [Fact]
    public async Task A_modify_model_without_an_image_throws_before_anything_is_sent()
    {
        using var harness = new GeneratorHarness();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.GenerateAsync(new ImageGenerationOptions { ModelId = "luma/photon-modify" }));

        Assert.Contains("OriginalImages", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Client.SentCount);
    }

    [Fact]
    public async Task A_text_model_from_the_factory_with_bytes_throws_before_the_upload()
    {
        using var harness = new GeneratorHarness();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Generator.EditImagesAsync(
            [new DataContent(CannedResults.PngBytes, "image/png")],
            "Make it snow",
            new ImageGenerationOptions { RawRepresentationFactory = _ => new GenerationOptions { Model = "luma/photon" } }));

        Assert.Equal(0, harness.Client.SentCount);
    }

    [Fact]
    public async Task One_upload_serves_every_image_of_the_call()
    {
        using var harness = new GeneratorHarness();

        var response = await harness.Generator.EditImagesAsync(
            [new DataContent(CannedResults.PngBytes, "image/png")], "Make it snow", new ImageGenerationOptions { Count = 3 });

        Assert.Single(harness.Client.Uploads);
        Assert.All(harness.Client.GenerateCalls, call => Assert.Equal(harness.Client.UploadUrl, call.Options!.InputImage));
        Assert.Equal(3, response.Contents.Count);
    }
}
