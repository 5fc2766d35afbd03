using System.Drawing;
using Microsoft.Extensions.AI;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.Tests.AI;

/// <summary>
/// <see cref="ImageGenerationOptions.ImageSize"/> and <see cref="ImageGenerationOptions.MediaType"/> are ignored: Photon on
/// WaveSpeed takes neither, and each output reports the media type it really has.
/// </summary>
public sealed class IgnoredOptionsTests
{
    [Fact]
    public async Task Image_size_changes_nothing_that_is_sent()
    {
        using var plain = new GeneratorHarness();
        using var sized = new GeneratorHarness();

        await plain.GenerateAsync(new ImageGenerationOptions { ModelId = "flash" });
        var response = await sized.GenerateAsync(new ImageGenerationOptions { ModelId = "flash", ImageSize = new Size(1792, 1024) });

        AssertSameRequest(plain.SentOptions, sized.SentOptions);
        Assert.Single(response.Contents);
    }

    [Fact]
    public async Task Media_type_changes_nothing_that_is_sent_and_the_actual_type_is_reported()
    {
        using var plain = new GeneratorHarness();
        using var typed = new GeneratorHarness();

        await plain.GenerateAsync(new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Data });
        var response = await typed.GenerateAsync(new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Data, MediaType = "image/webp" });

        AssertSameRequest(plain.SentOptions, typed.SentOptions);
        Assert.Equal("image/png", Assert.IsType<DataContent>(Assert.Single(response.Contents)).MediaType);
    }

    private static void AssertSameRequest(GenerationOptions expected, GenerationOptions actual)
    {
        Assert.Equal(expected.Model, actual.Model);
        Assert.Equal(expected.Quality, actual.Quality);
        Assert.Equal(expected.InputImage, actual.InputImage);
        Assert.Equal(expected.ResponseFormat, actual.ResponseFormat);
        Assert.Equal(expected.SyncMode, actual.SyncMode);
        Assert.Equal(expected.Webhook, actual.Webhook);
        Assert.Equal(expected.WaitTimeout, actual.WaitTimeout);
    }
}
