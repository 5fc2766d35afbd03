using Microsoft.Extensions.AI;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.Tests.AI;

/// <summary><see cref="ImageGenerationOptions.ModelId"/> picks the model by catalog id, name or alias; an unknown one sends nothing.</summary>
public sealed class ModelIdMappingTests
{
    [Theory]
    [InlineData("luma/photon-flash", "luma/photon-flash")]
    [InlineData("luma/photon", "luma/photon")]
    [InlineData("PhotonFlash", "luma/photon-flash")]
    [InlineData("Photon", "luma/photon")]
    [InlineData("flash", "luma/photon-flash")]
    [InlineData("photon", "luma/photon")]
    public async Task The_model_id_names_the_model(string modelId, string expected)
    {
        using var harness = new GeneratorHarness();

        await harness.GenerateAsync(new ImageGenerationOptions { ModelId = modelId });

        Assert.Equal(expected, harness.SentOptions.Model);
    }

    [Fact]
    public async Task An_unknown_model_throws_before_anything_is_sent()
    {
        using var harness = new GeneratorHarness();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.GenerateAsync(new ImageGenerationOptions { ModelId = "dall-e-3" }));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("luma/photon-flash", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Client.SentCount);
    }

    [Fact]
    public async Task Without_a_model_id_the_default_model_is_used()
    {
        using var harness = new GeneratorHarness(defaultModelId: "photon");

        await harness.GenerateAsync();

        Assert.Equal("luma/photon", harness.SentOptions.Model);
    }

    [Fact]
    public async Task The_model_id_wins_over_the_default_model()
    {
        using var harness = new GeneratorHarness(defaultModelId: "photon");

        await harness.GenerateAsync(new ImageGenerationOptions { ModelId = "flash" });

        Assert.Equal("luma/photon-flash", harness.SentOptions.Model);
    }

    [Fact]
    public async Task Without_any_model_the_client_routes()
    {
        using var harness = new GeneratorHarness();

        await harness.GenerateAsync();

        Assert.Null(harness.SentOptions.Model);
        Assert.Null(harness.SentOptions.Quality);
    }

    [Fact]
    public void An_unknown_default_model_is_refused_at_once()
    {
        using var client = new FakePhotonClient();

        var error = Assert.Throws<ArgumentException>(() => client.AsIImageGenerator("dall-e-3"));

        Assert.Equal("defaultModelId", error.ParamName);
    }

    [Fact]
    public async Task An_empty_prompt_throws_before_anything_is_sent()
    {
        using var harness = new GeneratorHarness();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.GenerateAsync(prompt: "  "));

        Assert.Equal(0, harness.Client.SentCount);
    }
}
