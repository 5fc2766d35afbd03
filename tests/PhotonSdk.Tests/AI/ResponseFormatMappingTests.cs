using Microsoft.Extensions.AI;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.Tests.AI;

/// <summary><see cref="ImageGenerationOptions.ResponseFormat"/>: bytes as <see cref="DataContent"/> unless URLs are asked for, URLs as <see cref="UriContent"/>.</summary>
public sealed class ResponseFormatMappingTests
{
    [Fact]
    public async Task Uri_asks_for_url_outputs_and_returns_uri_content()
    {
        using var harness = new GeneratorHarness();

        var response = await harness.GenerateAsync(new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Uri });

        Assert.Equal(ImageResponseFormat.Url, harness.SentOptions.ResponseFormat);
        var content = Assert.IsType<UriContent>(Assert.Single(response.Contents));
        Assert.Equal(CannedResults.UrlFor("pred-001"), content.Uri);
        Assert.Equal("image/png", content.MediaType);
    }

    [Fact]
    public async Task Without_a_format_bytes_are_returned_as_other_generators_and_the_image_tool_expect()
    {
        // M.E.AI's generators return bytes by default, and its image tool (UseImageGeneration) drops any other output.
        using var harness = new GeneratorHarness();

        var response = await harness.GenerateAsync();

        Assert.Equal(ImageResponseFormat.Data, harness.SentOptions.ResponseFormat);
        var content = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal(CannedResults.PngBytes, content.Data.ToArray());
        Assert.Equal("image/png", content.MediaType);
    }

    [Fact]
    public async Task Without_a_format_a_factorys_other_options_still_get_bytes()
    {
        using var harness = new GeneratorHarness();

        var response = await harness.GenerateAsync(new ImageGenerationOptions { RawRepresentationFactory = _ => new GenerationOptions { SyncMode = true } });

        Assert.Equal(ImageResponseFormat.Data, harness.SentOptions.ResponseFormat);
        Assert.True(harness.SentOptions.SyncMode);
        Assert.IsType<DataContent>(Assert.Single(response.Contents));
    }

    [Fact]
    public async Task Without_a_format_a_factorys_webhook_gets_urls_because_the_api_sends_no_bytes_to_webhooks()
    {
        using var harness = new GeneratorHarness();
        var webhook = new Uri("https://example.com/hooks/photon");

        var response = await harness.GenerateAsync(new ImageGenerationOptions { RawRepresentationFactory = _ => new GenerationOptions { Webhook = webhook } });

        Assert.Equal(ImageResponseFormat.Url, harness.SentOptions.ResponseFormat);
        Assert.Equal(webhook, harness.SentOptions.Webhook);
        Assert.IsType<UriContent>(Assert.Single(response.Contents));
    }

    [Fact]
    public async Task A_url_without_a_known_extension_gets_a_wildcard_image_type()
    {
        using var harness = new GeneratorHarness();
        harness.Client.OnGenerate = (call, _) => Task.FromResult(CannedResults.Url("pred-x", PhotonModels.PhotonFlash, mediaType: null));

        var response = await harness.GenerateAsync(new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Uri });

        Assert.Equal("image/*", Assert.IsType<UriContent>(Assert.Single(response.Contents)).MediaType);
    }

    [Fact]
    public async Task Data_asks_for_bytes_and_returns_data_content_with_the_sniffed_type()
    {
        using var harness = new GeneratorHarness();

        var response = await harness.GenerateAsync(new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Data });

        Assert.Equal(ImageResponseFormat.Data, harness.SentOptions.ResponseFormat);
        var content = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal(CannedResults.PngBytes, content.Data.ToArray());
        Assert.Equal("image/png", content.MediaType);
    }

    [Fact]
    public async Task Hosted_is_served_as_urls_on_the_cdn()
    {
        using var harness = new GeneratorHarness();

        var response = await harness.GenerateAsync(new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Hosted });

        Assert.Equal(ImageResponseFormat.Url, harness.SentOptions.ResponseFormat);
        Assert.IsType<UriContent>(Assert.Single(response.Contents));
    }
}
