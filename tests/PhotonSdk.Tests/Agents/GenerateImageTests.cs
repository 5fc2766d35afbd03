using PhotonSdk.Agents;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.Tests.Agents;

/// <summary>generate_image and get_image_result: what they send, how long they wait and the reply they give.</summary>
public sealed class GenerateImageTests
{
    [Fact]
    public async Task Generate_image_answers_with_the_url_id_model_and_cost()
    {
        using var harness = new ToolsHarness();

        var reply = await harness.Tools.GenerateImageAsync("A red fox in fresh snow, morning light");

        var call = Assert.Single(harness.Client.GenerateCalls);
        Assert.Equal("A red fox in fresh snow, morning light", call.Prompt);
        Assert.Equal(PhotonModels.PhotonFlash.Id, call.Options!.Model);
        Assert.Null(call.Options.InputImage);
        Assert.Equal(
            "Image ready: https://cdn.example/predictions/pred-001/0.png\n" +
            "Prediction id: pred-001. Model: luma/photon-flash. Cost: 0.005 USD.\n" +
            "Show the user the URL exactly as written above: do not shorten, rewrite or re-encode it.",
            reply.Text);
        Assert.Equal(ImageToolOutcome.Ready, reply.Outcome);
        Assert.False(reply.IsError);
        Assert.Equal("pred-001", reply.PredictionId);
        Assert.Equal(CannedResults.UrlFor("pred-001"), reply.Result!.Image.Url);
        Assert.Equal(reply.Text, reply.ToString());
    }

    [Theory]
    [InlineData("draft", "luma/photon-flash")]
    [InlineData("final", "luma/photon")]
    [InlineData(" FINAL ", "luma/photon")]
    [InlineData("Draft", "luma/photon-flash")]
    [InlineData(null, "luma/photon-flash")]
    [InlineData("", "luma/photon-flash")]
    public async Task Quality_picks_the_model(string? quality, string expectedModel)
    {
        using var harness = new ToolsHarness();

        var reply = await harness.GenerateAsync("A lighthouse at dusk", quality);

        Assert.Equal(expectedModel, Assert.Single(harness.Client.GenerateCalls).Options!.Model);
        Assert.Contains($"Model: {expectedModel}.", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "luma/photon-flash-modify", "0.01")]
    [InlineData("draft", "luma/photon-flash-modify", "0.01")]
    [InlineData("final", "luma/photon-modify", "0.015")]
    public async Task An_input_image_url_picks_the_modify_model_of_the_quality(string? quality, string expectedModel, string cost)
    {
        using var harness = new ToolsHarness();

        var reply = await harness.Tools.GenerateImageAsync("The same fox at night", quality, inputImageUrl: " https://cdn.example/uploads/fox.png ");

        var call = Assert.Single(harness.Client.GenerateCalls);
        Assert.Equal(expectedModel, call.Options!.Model);
        Assert.Equal(new Uri("https://cdn.example/uploads/fox.png"), call.Options.InputImage);
        Assert.Contains($"Model: {expectedModel}. Cost: {cost} USD.", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task No_input_image_url_makes_a_new_image(string? inputImageUrl)
    {
        using var harness = new ToolsHarness();

        await harness.Tools.GenerateImageAsync("A fox", inputImageUrl: inputImageUrl);

        var call = Assert.Single(harness.Client.GenerateCalls);
        Assert.Equal("luma/photon-flash", call.Options!.Model);
        Assert.Null(call.Options.InputImage);
    }

    [Theory]
    [InlineData("fox.png")]
    [InlineData("/uploads/fox.png")]
    [InlineData("ftp://cdn.example/fox.png")]
    [InlineData("file:///tmp/fox.png")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("https://")]
    public async Task An_input_image_url_that_is_not_http_sends_nothing(string inputImageUrl)
    {
        using var harness = new ToolsHarness();

        var reply = await harness.Tools.GenerateImageAsync("The same fox at night", inputImageUrl: inputImageUrl);

        Assert.Equal(
            $"Not generated: input_image_url must be an absolute http(s) URL (was \"{inputImageUrl}\"). Nothing was sent; correct the arguments and call the function again.",
            reply.Text);
        Assert.Equal(ImageToolOutcome.InvalidArgument, reply.Outcome);
        Assert.Equal(0, harness.Client.SentCount);
    }

    [Fact]
    public async Task The_wait_is_bounded_by_the_configured_timeout()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { WaitTimeout = TimeSpan.FromSeconds(45) });

        await harness.GenerateAsync("A lighthouse at dusk");

        Assert.Equal(TimeSpan.FromSeconds(45), Assert.Single(harness.Client.GenerateCalls).Options!.WaitTimeout);
    }

    [Fact]
    public async Task The_default_wait_bound_is_two_minutes()
    {
        using var harness = new ToolsHarness();

        await harness.GenerateAsync("A lighthouse at dusk");

        Assert.Equal(TimeSpan.FromMinutes(2), Assert.Single(harness.Client.GenerateCalls).Options!.WaitTimeout);
    }

    [Theory]
    [InlineData(null, 45)]
    [InlineData(1, 1)]
    [InlineData(30, 30)]
    [InlineData(45, 45)]
    [InlineData(46, 45)]
    [InlineData(int.MaxValue, 45)]
    public async Task Wait_seconds_can_only_shorten_the_configured_wait(int? waitSeconds, int expectedSeconds)
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { WaitTimeout = TimeSpan.FromSeconds(45) });

        await harness.Tools.GenerateImageAsync("A lighthouse at dusk", waitSeconds: waitSeconds);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), Assert.Single(harness.Client.GenerateCalls).Options!.WaitTimeout);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public async Task Wait_seconds_below_one_sends_nothing(int waitSeconds)
    {
        using var harness = new ToolsHarness();

        var generate = await harness.Tools.GenerateImageAsync("A lighthouse at dusk", waitSeconds: waitSeconds);
        var result = await harness.Tools.GetImageResultAsync("pred-late", waitSeconds);

        var expected = $"Not generated: wait_seconds must be at least 1 (was {waitSeconds}). Nothing was sent; correct the arguments and call the function again.";
        Assert.Equal(expected, generate.Text);
        Assert.Equal(expected, result.Text);
        Assert.Equal(ImageToolOutcome.InvalidArgument, generate.Outcome);
        Assert.Equal(ImageToolOutcome.InvalidArgument, result.Outcome);
        Assert.Equal(0, harness.Client.SentCount);
    }

    [Theory]
    [InlineData(null, 30)]
    [InlineData(5, 5)]
    [InlineData(31, 30)]
    public async Task Get_image_result_waits_as_long_as_asked_within_the_bound(int? waitSeconds, int expectedSeconds)
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { WaitTimeout = TimeSpan.FromSeconds(30) });
        TimeSpan? waitTimeout = null;
        harness.Client.OnWait = (handle, timeout, _) =>
        {
            waitTimeout = timeout;
            return Task.FromResult(CannedResults.Url(handle.Id, PhotonModels.Photon));
        };

        await harness.Tools.GetImageResultAsync("pred-late", waitSeconds);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), waitTimeout);
    }

    [Fact]
    public async Task Get_image_result_rehydrates_the_prediction_and_waits_with_the_bound()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { WaitTimeout = TimeSpan.FromSeconds(30) });
        TimeSpan? waitTimeout = null;
        harness.Client.OnWait = (handle, timeout, _) =>
        {
            waitTimeout = timeout;
            return Task.FromResult(CannedResults.Url(handle.Id, PhotonModels.Photon));
        };

        var reply = await harness.Tools.GetImageResultAsync(" pred-late ");

        // The handle the tools made from the id belongs to the fake: waiting on it went through the fake, not a real client.
        Assert.Equal(["pred-late"], harness.Client.Waits);
        Assert.Equal("pred-late", Assert.Single(harness.Client.WaitedHandles).Id);
        Assert.Equal(TimeSpan.FromSeconds(30), waitTimeout);
        Assert.Empty(harness.Client.GenerateCalls);
        Assert.Contains(CannedResults.UrlFor("pred-late").ToString(), reply.Text, StringComparison.Ordinal);
        Assert.Contains("Model: luma/photon", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Cost: 0.015 USD", reply.Text, StringComparison.Ordinal);
        Assert.Equal(ImageToolOutcome.Ready, reply.Outcome);
        Assert.Equal("pred-late", reply.PredictionId);
    }

    [Fact]
    public async Task Get_image_result_costs_nothing_from_the_budget()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 1 });

        await harness.Tools.GetImageResultAsync("pred-late");
        await harness.Tools.GetImageResultAsync("pred-later");
        var generate = await harness.Tools.GenerateImageAsync("A fox");

        Assert.Equal(ImageToolOutcome.Ready, generate.Outcome);
    }

    [Fact]
    public async Task A_flagged_image_is_reported()
    {
        using var harness = new ToolsHarness();
        harness.Client.OnGenerate = (call, _) => Task.FromResult(PhotonModelFactory.ImageGenerationResult(
            "pred-nsfw", PhotonModels.PhotonFlash.Id, [PhotonModelFactory.GeneratedImage(null, 0, CannedResults.UrlFor("pred-nsfw"), null, "image/png", isNsfw: true)],
            0.005m, PhotonModelFactory.PredictionTimings(null, null, null, TimeSpan.Zero), 1));

        var reply = await harness.GenerateAsync("A beach");

        Assert.Contains("not safe for work", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_bytes_never_reach_the_reply()
    {
        using var harness = new ToolsHarness();
        var bytes = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
        harness.Client.OnGenerate = (call, _) => Task.FromResult(PhotonModelFactory.ImageGenerationResult(
            "pred-bytes", PhotonModels.PhotonFlash.Id, [PhotonModelFactory.GeneratedImage(null, 0, null, bytes, "image/png", false)],
            0.005m, PhotonModelFactory.PredictionTimings(null, null, null, TimeSpan.Zero), 1));

        var reply = await harness.Tools.GenerateImageAsync("A beach");

        Assert.DoesNotContain(Convert.ToBase64String(bytes)[..40], reply.Text, StringComparison.Ordinal);
        Assert.Contains("cannot be shown here", reply.Text, StringComparison.Ordinal);
        Assert.Contains("pred-bytes", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Show the user the URL", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Text.Length < 600, $"The reply is {reply.Text.Length} characters long.");
        // The host still gets the bytes.
        Assert.Equal(bytes, reply.Result!.Image.Data!.Value.ToArray());
    }

    [Fact]
    public async Task Several_images_are_listed_and_bytes_among_them_are_mentioned()
    {
        using var harness = new ToolsHarness();
        harness.Client.OnGenerate = (call, _) => Task.FromResult(PhotonModelFactory.ImageGenerationResult(
            "pred-many", PhotonModels.PhotonFlash.Id,
            [
                PhotonModelFactory.GeneratedImage(null, 0, new Uri("https://cdn.example/a.png"), null, "image/png", false),
                PhotonModelFactory.GeneratedImage(null, 1, new Uri("https://cdn.example/b.png"), null, "image/png", false),
                PhotonModelFactory.GeneratedImage(null, 2, null, CannedResults.PngBytes, "image/png", false),
            ],
            0.015m, PhotonModelFactory.PredictionTimings(null, null, null, TimeSpan.Zero), 1));

        var reply = await harness.GenerateAsync("Three foxes");

        Assert.StartsWith(
            "Images ready: https://cdn.example/a.png https://cdn.example/b.png\n" +
            "Part of the output came back as bytes, which cannot be shown here; ask the application for it.\n" +
            "Prediction id: pred-many. Model: luma/photon-flash. Cost: 0.015 USD.",
            reply,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_cost_is_said_to_be_unknown()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 2, MaxCostUsd = 0.01m });
        harness.Client.OnGenerate = (call, _) => Task.FromResult(PhotonModelFactory.ImageGenerationResult(
            "pred-odd", "vendor/other-model", [PhotonModelFactory.GeneratedImage(null, 0, CannedResults.UrlFor("pred-odd"), null, "image/png", false)],
            null, PhotonModelFactory.PredictionTimings(null, null, null, TimeSpan.Zero), 1));

        var reply = await harness.GenerateAsync("A beach");

        Assert.Contains("Prediction id: pred-odd. Model: vendor/other-model. Cost: unknown.", reply, StringComparison.Ordinal);
        // Unknown cost keeps the price reserved: the second draft still fits the 0.01 USD budget, a third would not.
        Assert.Contains("Budget left: 1 of 2 images and 0.005 of 0.01 USD.", harness.Tools.GetImageBudget().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_is_not_turned_into_a_reply()
    {
        using var harness = new ToolsHarness();
        harness.Client.OnGenerate = (_, token) => Task.FromException<ImageGenerationResult>(
            new PhotonCanceledException("Stopped waiting for prediction pred-001; it keeps running.", "pred-001", predictionMayExist: true, null, token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.GenerateAsync("A beach"));
        Assert.Single(harness.Client.GenerateCalls);
    }

    [Fact]
    public async Task An_unexpected_exception_is_not_turned_into_a_reply_and_keeps_its_reservation()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 1 });
        harness.Client.OnGenerate = (_, _) => Task.FromException<ImageGenerationResult>(new InvalidOperationException("A bug in a handler."));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.GenerateAsync("A beach"));
        var next = await harness.GenerateAsync("A beach");

        Assert.Equal("A bug in a handler.", error.Message);
        Assert.StartsWith("Not generated: the image budget is used up (1 of 1 images).", next, StringComparison.Ordinal);
    }
}
