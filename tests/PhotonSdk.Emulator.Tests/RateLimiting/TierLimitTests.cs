using System.Net;
using PhotonSdk.Emulator.RateLimiting;
using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.RateLimiting;

/// <summary>
/// The account levels of the API reference (§2.8, "Rate limits"): images a minute and max concurrency per tier; going
/// over the per-minute rate is answered 429, and predictions over the concurrency limit queue ("wait until one
/// finishes") rather than being refused. Tests named <c>Reference_</c> pin what the reference says; the others pin the
/// emulator's own choices where the reference is silent (a sliding minute, the <c>Retry-After</c> it sends). Every
/// wait is on a fake clock.
/// </summary>
public sealed class TierLimitTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData(RateLimitTier.Bronze, 2, 2)]
    [InlineData(RateLimitTier.Silver, 500, 300)]
    [InlineData(RateLimitTier.Gold, 3_000, 3_000)]
    [InlineData(RateLimitTier.Ultra, 5_000, 10_000)]
    public void Reference_tier_table_gives_each_levels_images_per_minute_and_max_concurrency(RateLimitTier tier, int imagesPerMinute, int maxConcurrency)
    {
        var limits = TierLimits.For(tier);

        Assert.NotNull(limits);
        Assert.Equal(imagesPerMinute, limits.ImagesPerMinute);
        Assert.Equal(maxConcurrency, limits.MaxConcurrency);
    }

    [Fact]
    public async Task Without_a_tier_there_is_no_limit()
    {
        await using var session = await EmulatorSession.StartAsync();

        var statuses = await SubmitManyAsync(session, "luma/photon-flash", 600);

        Assert.Null(TierLimits.For(RateLimitTier.None));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Theory]
    [InlineData(RateLimitTier.Bronze, 2)]
    [InlineData(RateLimitTier.Silver, 500)]
    [InlineData(RateLimitTier.Gold, 3_000)]
    public async Task Reference_each_tier_accepts_its_images_per_minute_and_answers_429_beyond(RateLimitTier tier, int imagesPerMinute)
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o => { o.RateLimitTier = tier; o.TimeProvider = clock; });

        var withinTheMinute = await SubmitManyAsync(session, "luma/photon-flash", imagesPerMinute);
        using var over = await session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = "one too many" }));
        var refusal = await Json.ReadObjectAsync(over);
        clock.Advance(Minute);
        using var nextMinute = await session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = "a minute later" }));

        Assert.All(withinTheMinute, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Equal(429, refusal.NumberAt("code"));
        Assert.Contains(imagesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture), refusal.StringAt("message"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, nextMinute.StatusCode);
    }

    [Fact]
    public async Task Reference_a_submit_refused_with_429_creates_no_prediction_and_costs_nothing()
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o => { o.RateLimitTier = RateLimitTier.Bronze; o.TimeProvider = clock; });
        await SubmitManyAsync(session, "luma/photon-flash", 2);

        using var refused = await session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = "refused" }));
        clock.Advance(TimeSpan.FromSeconds(10));
        using var history = await session.Api.PostAsync("predictions", Json.Body(new { page = 1, page_size = 100 }));
        var page = (await Json.ReadObjectAsync(history))["data"]!;

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(2, page.NumberAt("total"));
        Assert.DoesNotContain(page["items"]!.AsArray(), i => i!["input"]?["prompt"]?.GetValue<string>() == "refused");
        Assert.Equal(2, session.Emulator.PredictionsCreated);
        Assert.Equal(10.00m - (2 * SpecModels.ByPath("luma/photon-flash").Price), await session.BalanceAsync());
    }

    /// <summary>
    /// The reference names neither the window's shape nor a <c>Retry-After</c>; the emulator counts a sliding minute of
    /// accepted submits (the strictest reading) and says when the oldest of them frees a place.
    /// </summary>
    [Fact]
    public async Task The_minute_slides_and_Retry_After_says_when_the_oldest_accepted_submit_frees_a_place()
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o => { o.RateLimitTier = RateLimitTier.Bronze; o.TimeProvider = clock; });

        using var first = await session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = "1" }));
        clock.Advance(TimeSpan.FromSeconds(20));
        using var second = await session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = "2" }));
        using var third = await session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = "3" }));
        clock.Advance(TimeSpan.FromSeconds(39));
        using var fourth = await session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = "4" }));
        clock.Advance(TimeSpan.FromSeconds(1));
        using var fifth = await session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = "5" }));
        using var sixth = await session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = "6" }));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(40), third.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), fourth.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, fifth.StatusCode);

        // The second submit (at 20 s) still holds its place until 80 s: a fixed minute would have let this one in.
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(20), sixth.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Reference_over_the_concurrency_limit_predictions_queue_on_the_server_instead_of_being_refused()
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o =>
        {
            o.RateLimitTier = RateLimitTier.Silver;
            o.LatencyScale = 1;
            o.ModelLatencies["luma/photon"] = TimeSpan.FromSeconds(100);
            o.TimeProvider = clock;
        });

        // Silver runs 300 at once and takes 500 a minute: the 301st is within the rate but over the concurrency.
        var statuses = await SubmitManyAsync(session, "luma/photon", 300);
        var queued = (await session.SubmitAsync("luma/photon", new { prompt = "the 301st" })).StringAt("id");
        clock.Advance(TimeSpan.FromSeconds(50));
        var whileTheOthersRun = await session.ResultAsync(queued);
        var running = await TotalAsync(session, "processing");
        clock.Advance(TimeSpan.FromSeconds(50));
        var onceOneFinished = await session.ResultAsync(queued);
        clock.Advance(TimeSpan.FromSeconds(90));
        var atItsOwnEnd = await session.ResultAsync(queued);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal("created", whileTheOthersRun.StringAt("status"));
        Assert.Equal(300, running);
        Assert.Equal("processing", onceOneFinished.StringAt("status"));
        Assert.Equal("completed", atItsOwnEnd.StringAt("status"));
    }

    [Fact]
    public async Task Reference_a_queued_prediction_starts_when_the_first_running_one_finishes()
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

    /// <summary>Sends <paramref name="count"/> submits, many at once, and gives back their statuses; the clock does not move meanwhile.</summary>
    private static async Task<HttpStatusCode[]> SubmitManyAsync(EmulatorSession session, string model, int count)
    {
        var statuses = new HttpStatusCode[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, token) =>
        {
            using var response = await session.Api.PostAsync(model, Json.Body(new { prompt = $"picture {i}" }), token);
            statuses[i] = response.StatusCode;
        });
        return statuses;
    }

    private static async Task<int> TotalAsync(EmulatorSession session, string status)
    {
        using var response = await session.Api.PostAsync("predictions", Json.Body(new { page = 1, page_size = 1, status }));
        return (await Json.ReadObjectAsync(response))["data"].NumberAt("total");
    }
}
