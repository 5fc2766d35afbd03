using System.Net;
using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.RateLimiting;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Without_a_tier_there_is_no_limit()
    {
        await using var session = await EmulatorSession.StartAsync();

        for (var i = 0; i < 20; i++)
        {
            using var response = await session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = $"p{i}" }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Bronze_accepts_two_images_a_minute_then_answers_429_with_retry_after()
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o => { o.RateLimitTier = RateLimitTier.Bronze; o.TimeProvider = clock; });

        using var first = await session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = "1" }));
        clock.Advance(TimeSpan.FromSeconds(20));
        using var second = await session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = "2" }));
        using var third = await session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = "3" }));
        var refusal = await Json.ReadObjectAsync(third);
        clock.Advance(TimeSpan.FromSeconds(40));
        using var fourth = await session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = "4" }));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(429, refusal.NumberAt("code"));
        Assert.Equal(TimeSpan.FromSeconds(40), third.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
    }

    [Fact]
    public async Task Beyond_max_concurrency_predictions_stay_created_until_a_slot_frees()
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o =>
        {
            o.RateLimitTier = RateLimitTier.Bronze;
            o.LatencyScale = 1;
            o.ModelLatencies["luma/photon"] = TimeSpan.FromSeconds(100);
            o.TimeProvider = clock;
        });
        var a = (await session.SubmitAsync("luma/photon", new { prompt = "a" })).StringAt("id");
        var b = (await session.SubmitAsync("luma/photon", new { prompt = "b" })).StringAt("id");
        clock.Advance(TimeSpan.FromSeconds(60));
        var c = (await session.SubmitAsync("luma/photon", new { prompt = "c" })).StringAt("id");
        clock.Advance(TimeSpan.FromSeconds(30));

        // t = 90 s: a and b hold both slots; c has waited 30 s.
        Assert.Equal("processing", (await session.ResultAsync(a)).StringAt("status"));
        Assert.Equal("created", (await session.ResultAsync(c)).StringAt("status"));

        // t = 100 s: a and b end; c starts and needs its 90 s of processing.
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("completed", (await session.ResultAsync(b)).StringAt("status"));
        Assert.Equal("processing", (await session.ResultAsync(c)).StringAt("status"));
        clock.Advance(TimeSpan.FromSeconds(89));
        Assert.Equal("processing", (await session.ResultAsync(c)).StringAt("status"));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("completed", (await session.ResultAsync(c)).StringAt("status"));
    }
}
