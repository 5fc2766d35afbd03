using Microsoft.Extensions.AI;
using PhotonSdk.Emulator;

namespace PhotonSdk.Tests.AI;

/// <summary>
/// <see cref="ImageGenerationOptions.ResponseFormat"/> end to end, against the emulator: unset or Data asks for base64
/// and returns the image's bytes with the media type they really have; Uri and Hosted return the CDN URL of the same image.
/// </summary>
public sealed class ResponseFormatOnTheWireTests
{
    private const string Prompt = "A paper boat on a puddle, macro photo";

    [Theory]
    [InlineData(EmulatorImageFormat.Png, "image/png")]
    [InlineData(EmulatorImageFormat.Jpeg, "image/jpeg")]
    public async Task Without_a_format_the_bytes_come_back_with_their_media_type(EmulatorImageFormat format, string mediaType)
    {
        await using var rig = await EmulatorRig.StartAsync(format);
        using var generator = rig.Client.AsIImageGenerator();

        var response = await generator.GenerateImagesAsync(Prompt);

        Assert.Equal("true", Assert.Single(rig.Submits).Field("enable_base64_output"));
        var image = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal(mediaType, image.MediaType);
        Assert.Equal(await rig.OutputBytesAsync(EmulatorRig.PredictionIdOf(image)), image.Data.ToArray());
    }

    [Theory]
    [InlineData(ImageGenerationResponseFormat.Uri)]
    [InlineData(ImageGenerationResponseFormat.Hosted)]
    public async Task Asking_for_urls_returns_the_cdn_url_of_the_same_image(ImageGenerationResponseFormat format)
    {
        await using var rig = await EmulatorRig.StartAsync();
        using var generator = rig.Client.AsIImageGenerator();

        var asUrl = await generator.GenerateImagesAsync(Prompt, new ImageGenerationOptions { ResponseFormat = format });
        var asBytes = await generator.GenerateImagesAsync(Prompt, new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Data });

        Assert.Equal([null, "true"], rig.Submits.Select(submit => submit.Field("enable_base64_output")));
        var url = Assert.IsType<UriContent>(Assert.Single(asUrl.Contents));
        Assert.Equal("image/png", url.MediaType);
        Assert.Equal(rig.Emulator.BaseUrl.Authority, url.Uri.Authority);
        var bytes = Assert.IsType<DataContent>(Assert.Single(asBytes.Contents));
        Assert.Equal(bytes.Data.ToArray(), await rig.BytesAtAsync(url.Uri));
    }
}
