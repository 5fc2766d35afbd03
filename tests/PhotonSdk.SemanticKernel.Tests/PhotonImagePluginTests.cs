using PhotonSdk.Agents;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.SemanticKernel.Tests;

/// <summary>The plugin's functions invoked through a kernel: what they send and the text they answer with.</summary>
public sealed class PhotonImagePluginTests
{
    [Fact]
    public async Task Generate_image_answers_with_the_url_id_model_and_cost()
    {
        using var harness = new PluginHarness();

        var reply = await harness.GenerateAsync("A red fox in fresh snow, morning light");

        var call = Assert.Single(harness.Client.GenerateCalls);
        Assert.Equal("A red fox in fresh snow, morning light", call.Prompt);
        Assert.Equal(PhotonModels.PhotonFlash.Id, call.Options!.Model);
        Assert.Equal(
            "Image ready: https://cdn.example/predictions/pred-001/0.png\n" +
            "Prediction id: pred-001. Model: luma/photon-flash. Cost: 0.005 USD.\n" +
            "Show the user the URL exactly as written above: do not shorten, rewrite or re-encode it.",
            reply);
    }

    [Theory]
    [InlineData("draft", "luma/photon-flash")]
    [InlineData("final", "luma/photon")]
    [InlineData(" FINAL ", "luma/photon")]
    [InlineData("Draft", "luma/photon-flash")]
    public async Task Quality_picks_the_model(string quality, string expectedModel)
    {
        using var harness = new PluginHarness();

        var reply = await harness.GenerateAsync("A lighthouse at dusk", quality);

        Assert.Equal(expectedModel, Assert.Single(harness.Client.GenerateCalls).Options!.Model);
        Assert.Contains($"Model: {expectedModel}", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_wait_is_bounded_by_the_configured_timeout()
    {
        using var harness = new PluginHarness(new PhotonImageToolsOptions { WaitTimeout = TimeSpan.FromSeconds(45) });

        await harness.GenerateAsync("A lighthouse at dusk");

        Assert.Equal(TimeSpan.FromSeconds(45), Assert.Single(harness.Client.GenerateCalls).Options!.WaitTimeout);
    }

    [Fact]
    public async Task The_default_wait_bound_is_two_minutes()
    {
        using var harness = new PluginHarness();

        await harness.GenerateAsync("A lighthouse at dusk");

        Assert.Equal(TimeSpan.FromMinutes(2), Assert.Single(harness.Client.GenerateCalls).Options!.WaitTimeout);
    }

    [Fact]
    public async Task Get_image_result_rehydrates_the_prediction_and_waits_with_the_bound()
    {
        using var harness = new PluginHarness(new PhotonImageToolsOptions { WaitTimeout = TimeSpan.FromSeconds(30) });
        TimeSpan? waitTimeout = null;
        harness.Client.OnWait = (handle, timeout, _) =>
        {
            waitTimeout = timeout;
            return Task.FromResult(CannedResults.Url(handle.Id, PhotonModels.Photon));
        };

        var reply = await harness.GetResultAsync("pred-late");

        // The handle the plugin made from the id belongs to the fake: waiting on it went through the fake, not a real client.
        Assert.Equal(["pred-late"], harness.Client.Waits);
        Assert.Equal("pred-late", Assert.Single(harness.Client.WaitedHandles).Id);
        Assert.Equal(TimeSpan.FromSeconds(30), waitTimeout);
        Assert.Empty(harness.Client.GenerateCalls);
        Assert.Contains(CannedResults.UrlFor("pred-late").ToString(), reply, StringComparison.Ordinal);
        Assert.Contains("Model: luma/photon", reply, StringComparison.Ordinal);
        Assert.Contains("Cost: 0.015 USD", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flagged_image_is_reported()
    {
        using var harness = new PluginHarness();
        harness.Client.OnGenerate = (call, _) => Task.FromResult(PhotonModelFactory.ImageGenerationResult(
            "pred-nsfw", PhotonModels.PhotonFlash.Id, [PhotonModelFactory.GeneratedImage(null, 0, CannedResults.UrlFor("pred-nsfw"), null, "image/png", isNsfw: true)],
            0.005m, PhotonModelFactory.PredictionTimings(null, null, null, TimeSpan.Zero), 1));

        var reply = await harness.GenerateAsync("A beach");

        Assert.Contains("not safe for work", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_bytes_never_reach_the_reply()
    {
        using var harness = new PluginHarness();
        var bytes = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
        harness.Client.OnGenerate = (call, _) => Task.FromResult(PhotonModelFactory.ImageGenerationResult(
            "pred-bytes", PhotonModels.PhotonFlash.Id, [PhotonModelFactory.GeneratedImage(null, 0, null, bytes, "image/png", false)],
            0.005m, PhotonModelFactory.PredictionTimings(null, null, null, TimeSpan.Zero), 1));

        var reply = await harness.GenerateAsync("A beach");

        Assert.DoesNotContain(Convert.ToBase64String(bytes)[..40], reply, StringComparison.Ordinal);
        Assert.Contains("cannot be shown here", reply, StringComparison.Ordinal);
        Assert.Contains("pred-bytes", reply, StringComparison.Ordinal);
        Assert.True(reply.Length < 600, $"The reply is {reply.Length} characters long.");
    }

    [Fact]
    public async Task Cancellation_is_not_turned_into_a_reply()
    {
        using var harness = new PluginHarness();
        harness.Client.OnGenerate = (_, token) => Task.FromException<ImageGenerationResult>(
            new PhotonCanceledException("Stopped waiting for prediction pred-001; it keeps running.", "pred-001", predictionMayExist: true, null, token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.GenerateAsync("A beach"));
        Assert.Single(harness.Client.GenerateCalls);
    }
}
