using PhotonSdk.Tests.Infrastructure;

namespace PhotonSdk.Tests.Routing;

public sealed class RoutingTests : WireMockTestBase
{
    [Theory]
    [InlineData(null, null, FlashPath)]
    [InlineData("flash", null, FlashPath)]
    [InlineData("photon", null, PhotonPath)]
    [InlineData("luma/photon", null, PhotonPath)]
    [InlineData("PhotonFlash", null, FlashPath)]
    [InlineData(null, PhotonQuality.Draft, FlashPath)]
    [InlineData(null, PhotonQuality.Final, PhotonPath)]
    public async Task The_model_comes_from_the_name_the_intent_or_the_default(string? model, PhotonQuality? intent, string path)
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created", "luma/photon-flash")));
        Server.Given(Post(PhotonPath)).RespondWith(Json(PredictionJson.Envelope("created", "luma/photon")));

        var handle = await Client.SubmitAsync("A lighthouse", new GenerationOptions { Model = model, Quality = intent });

        Assert.Equal(1, Count("POST", path));
        Assert.Single(Requests);
        Assert.Equal(path == PhotonPath ? "luma/photon" : "luma/photon-flash", handle.ModelId);
    }

    [Fact]
    public async Task An_input_image_routes_to_the_modify_model_of_the_intended_tier()
    {
        Server.Given(Post("/api/v3/luma/photon-modify")).RespondWith(Json(PredictionJson.Envelope("created", "luma/photon-modify")));

        await Client.SubmitAsync("Make it night", new GenerationOptions { Quality = PhotonQuality.Final, InputImage = new Uri("https://example.com/cat.png") });

        var request = Assert.Single(Requests).RequestMessage!;
        Assert.Equal("/api/v3/luma/photon-modify", request.Path);
        Assert.Contains("\"image\":\"https://example.com/cat.png\"", request.Body!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_fallback_policy_an_overloaded_photon_fails()
    {
        Server.Given(Post(PhotonPath)).RespondWith(Json(PredictionJson.Error(429, "busy"), 429));

        await DriveThrows<PhotonRateLimitedException>(Client.GenerateAsync("A lighthouse", new GenerationOptions { Model = "photon" }));

        Assert.Equal(0, Count("POST", FlashPath));
    }

    [Fact]
    public async Task The_fallback_policy_sends_a_rate_limited_photon_prediction_to_flash_and_says_so()
    {
        Client = CreateClient(o => o.Routing.FallbackToFlashWhenOverloaded = true);
        Server.Given(Post(PhotonPath)).RespondWith(Json(PredictionJson.Error(429, "busy"), 429));
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created", "luma/photon-flash")));
        Server.Given(Get(ResultPath)).RespondWith(Json(PredictionJson.Completed("luma/photon-flash")));

        var result = await Drive(Client.GenerateAsync("A lighthouse", new GenerationOptions { Quality = PhotonQuality.Final }));

        Assert.Equal("luma/photon-flash", result.ModelId);
        Assert.Equal("luma/photon", result.RequestedModelId);
        Assert.Equal(0.005m, result.CostUsd);
        Assert.Equal(1, Count("POST", FlashPath));
    }

    [Fact]
    public async Task The_fallback_policy_resubmits_a_photon_prediction_that_failed_with_service_unavailable()
    {
        Client = CreateClient(o => o.Routing.FallbackToFlashWhenOverloaded = true);
        Server.Given(Post(PhotonPath)).RespondWith(Json(PredictionJson.Envelope("created", "luma/photon", id: "aaaa")));
        Server.Given(Get("/api/v3/predictions/aaaa/result")).RespondWith(Json(PredictionJson.Envelope("failed", "luma/photon", id: "aaaa", code: 5003, error: "service unavailable")));
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created", "luma/photon-flash")));
        Server.Given(Get(ResultPath)).RespondWith(Json(PredictionJson.Completed("luma/photon-flash")));

        var result = await Drive(Client.GenerateAsync("A lighthouse", new GenerationOptions { Model = "photon" }));

        Assert.Equal("luma/photon-flash", result.ModelId);
        Assert.Equal("luma/photon", result.RequestedModelId);
    }

    [Fact]
    public async Task The_fallback_policy_does_not_resubmit_an_ambiguous_failure()
    {
        Client = CreateClient(o => o.Routing.FallbackToFlashWhenOverloaded = true);
        Server.Given(Post(PhotonPath)).RespondWith(Json(PredictionJson.Error(502, "bad gateway"), 502));

        await DriveThrows<PhotonSubmissionUncertainException>(Client.GenerateAsync("A lighthouse", new GenerationOptions { Model = "photon" }));

        Assert.Equal(1, Count("POST", PhotonPath));
        Assert.Equal(0, Count("POST", FlashPath));
    }

    [Fact]
    public async Task The_fallback_policy_does_not_resubmit_while_the_first_prediction_may_still_run()
    {
        Client = CreateClient(o => o.Routing.FallbackToFlashWhenOverloaded = true);
        Server.Given(Post(PhotonPath)).RespondWith(Json(PredictionJson.Envelope("created", "luma/photon")));
        Server.Given(Get(ResultPath)).RespondWith(Json(PredictionJson.Error(429, "slow down"), 429));

        var error = await DriveThrows<PhotonRateLimitedException>(Client.GenerateAsync("A lighthouse", new GenerationOptions { Model = "photon" }));

        Assert.Equal(PredictionJson.Id, error.PredictionId);
        Assert.Equal(0, Count("POST", FlashPath));
    }
}
