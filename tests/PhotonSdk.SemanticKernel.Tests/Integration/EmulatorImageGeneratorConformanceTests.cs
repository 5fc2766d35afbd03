using Microsoft.Extensions.AI;

namespace PhotonSdk.SemanticKernel.Tests.Integration;

/// <summary>The Photon image generator, over a client of the emulator, passes the conformance tests.</summary>
[Collection(EmulatorGroup.Name)]
public sealed class EmulatorImageGeneratorConformanceTests : ImageGeneratorConformanceTests
{
    private readonly EmulatorFixture _emulator;
    private PhotonClient? _client;

    public EmulatorImageGeneratorConformanceTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
    }

    protected override IImageGenerator CreateGenerator()
    {
        _client = _emulator.CreateClient();
        // The generator does not own the client; the pipeline's disposal leaves it to this test class.
        return new ImageGeneratorBuilder(_client.AsIImageGenerator("flash")).UseOpenTelemetry().Build();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _client?.Dispose();
    }

    [Fact]
    public async Task The_edit_went_to_the_modify_model_with_the_uploaded_image()
    {
        var original = await Generator.GenerateImagesAsync("A plain white mug", new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Data });
        var image = Assert.IsType<DataContent>(Assert.Single(original.Contents));

        var response = await Generator.EditImageAsync(image, "Add a red border");

        var result = Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<ImageGenerationResult>>(response.RawRepresentation));
        Assert.Equal("luma/photon-flash-modify", result.ModelId);
        Assert.Equal(0.01m, result.CostUsd);
    }
}
