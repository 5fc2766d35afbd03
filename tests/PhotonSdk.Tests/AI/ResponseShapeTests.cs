using Microsoft.Extensions.AI;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.Tests.AI;

/// <summary>The response carries the SDK results as its raw representation, and each content its prediction id, model and cost.</summary>
public sealed class ResponseShapeTests
{
    [Fact]
    public async Task The_raw_representation_is_the_sdks_results()
    {
        using var harness = new GeneratorHarness();

        var response = await harness.GenerateAsync(new ImageGenerationOptions { Count = 2 });

        var results = Assert.IsAssignableFrom<IReadOnlyList<ImageGenerationResult>>(response.RawRepresentation);
        Assert.Equal(["pred-001", "pred-002"], results.Select(r => r.PredictionId));
        Assert.Same(results[1].Image, response.Contents[1].RawRepresentation);
    }

    [Fact]
    public async Task Each_content_names_its_prediction_model_and_cost()
    {
        using var harness = new GeneratorHarness();

        var response = await harness.GenerateAsync(new ImageGenerationOptions { ModelId = "photon" });

        var properties = Assert.Single(response.Contents).AdditionalProperties!;
        Assert.Equal("pred-001", properties[PhotonImageGeneratorExtensions.PredictionIdProperty]);
        Assert.Equal("luma/photon", properties[PhotonImageGeneratorExtensions.ModelIdProperty]);
        Assert.Equal(0.015m, properties[PhotonImageGeneratorExtensions.CostUsdProperty]);
    }

    [Fact]
    public async Task A_model_outside_the_catalog_has_no_cost()
    {
        using var harness = new GeneratorHarness();
        harness.Client.OnGenerate = (call, _) => Task.FromResult(PhotonModelFactory.ImageGenerationResult(
            "pred-new", "luma/photon-2", [PhotonModelFactory.GeneratedImage(null, 0, CannedResults.UrlFor("pred-new"), null, "image/png", false)],
            costUsd: null, PhotonModelFactory.PredictionTimings(null, null, null, TimeSpan.Zero), 1));

        var response = await harness.GenerateAsync();

        var properties = Assert.Single(response.Contents).AdditionalProperties!;
        Assert.Equal("luma/photon-2", properties[PhotonImageGeneratorExtensions.ModelIdProperty]);
        Assert.False(properties.ContainsKey(PhotonImageGeneratorExtensions.CostUsdProperty));
    }
}
