using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.Predictions;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Photon_flash_goes_created_processing_completed_on_the_clock()
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o => { o.LatencyScale = 1; o.TimeProvider = clock; });
        var id = (await session.SubmitAsync("luma/photon-flash", new { prompt = "dunes" })).StringAt("id");

        var atStart = await session.ResultAsync(id);
        clock.Advance(TimeSpan.FromMilliseconds(400));
        var early = await session.ResultAsync(id);
        clock.Advance(TimeSpan.FromMilliseconds(2_500));
        var late = await session.ResultAsync(id);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        var done = await session.ResultAsync(id);

        Assert.Equal("created", atStart.StringAt("status"));
        Assert.Equal("processing", early.StringAt("status"));
        Assert.Equal("processing", late.StringAt("status"));
        Assert.Empty(late["outputs"]!.AsArray());
        Assert.Equal("completed", done.StringAt("status"));
        var output = new Uri(done["outputs"]![0]!.GetValue<string>());
        Assert.Equal(session.Emulator.BaseUrl.Authority, output.Authority);
        Assert.Equal([false], done["has_nsfw_contents"]!.AsArray().Select(n => n!.GetValue<bool>()));
        Assert.Equal(2_700, done.NumberAt("executionTime"));
        Assert.Equal(2_700, done["timings"].NumberAt("inference"));
        Assert.Equal(0, done.NumberAt("code"));
    }

    [Fact]
    public async Task The_finish_time_of_a_prediction_is_when_its_result_turns_completed()
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o => { o.LatencyScale = 1; o.TimeProvider = clock; });
        var submittedAt = clock.GetUtcNow();
        var id = (await session.SubmitAsync("luma/photon-flash", new { prompt = "dunes" })).StringAt("id");

        var finish = session.Emulator.FinishTimeOf(id);
        clock.Advance(finish!.Value - clock.GetUtcNow() - TimeSpan.FromTicks(1));
        var justBefore = await session.ResultAsync(id);
        clock.Advance(TimeSpan.FromTicks(1));
        var atFinish = await session.ResultAsync(id);

        Assert.Equal(submittedAt + TimeSpan.FromSeconds(3), finish);
        Assert.Equal("processing", justBefore.StringAt("status"));
        Assert.Equal("completed", atFinish.StringAt("status"));
        Assert.Null(session.Emulator.FinishTimeOf("no-such-prediction"));
    }

    [Fact]
    public async Task Latency_jitter_spreads_durations_within_its_share_and_repeats_with_a_seed()
    {
        static async Task<List<TimeSpan>> DurationsAsync()
        {
            var clock = new WatchedClock();
            await using var session = await EmulatorSession.StartAsync(o => { o.LatencyScale = 1; o.LatencyJitter = 0.1; o.Seed = 7; o.TimeProvider = clock; });
            var durations = new List<TimeSpan>();
            for (var i = 0; i < 20; i++)
            {
                var id = (await session.SubmitAsync("luma/photon-flash", new { prompt = "dunes" })).StringAt("id");
                durations.Add(session.Emulator.FinishTimeOf(id)!.Value - clock.GetUtcNow());
            }

            return durations;
        }

        var first = await DurationsAsync();
        var again = await DurationsAsync();

        Assert.All(first, d => Assert.InRange(d, TimeSpan.FromSeconds(2.7), TimeSpan.FromSeconds(3.3)));
        Assert.True(first.Distinct().Count() > 10, "the durations should differ");
        Assert.Equal(first, again);
    }

    [Theory]
    [InlineData(1.0, null, 8.0)]   // Photon takes about eight seconds
    [InlineData(0.5, 20.0, 10.0)]  // a per-model latency, scaled
    public async Task Latency_scale_and_per_model_latency_set_the_duration(double latencyScale, double? photonLatencySeconds, double durationSeconds)
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o =>
        {
            o.LatencyScale = latencyScale;
            if (photonLatencySeconds is { } seconds) o.ModelLatencies["luma/photon"] = TimeSpan.FromSeconds(seconds);
            o.TimeProvider = clock;
        });
        var id = (await session.SubmitAsync("luma/photon", new { prompt = "a glacier" })).StringAt("id");

        clock.Advance(TimeSpan.FromSeconds(durationSeconds) - TimeSpan.FromSeconds(0.1));
        var before = await session.ResultAsync(id);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        var after = await session.ResultAsync(id);

        Assert.Equal("processing", before.StringAt("status"));
        Assert.Equal("completed", after.StringAt("status"));
    }

    [Fact]
    public async Task With_latency_scale_zero_the_submit_says_created_and_the_first_poll_completed()
    {
        await using var session = await EmulatorSession.StartAsync();

        var submitted = await session.SubmitAsync("luma/photon", new { prompt = "a glacier" });
        var result = await session.ResultAsync(submitted.StringAt("id"));

        Assert.Equal("created", submitted.StringAt("status"));
        Assert.Equal("completed", result.StringAt("status"));
    }

    [Fact]
    public async Task Created_at_is_the_submit_time_in_utc()
    {
        var clock = new WatchedClock(new DateTimeOffset(2026, 11, 2, 8, 30, 15, 27, TimeSpan.Zero));
        await using var session = await EmulatorSession.StartAsync(o => o.TimeProvider = clock);

        var data = await session.SubmitAsync("luma/photon", new { prompt = "x" });

        Assert.Equal("2026-11-02T08:30:15.027Z", data.StringAt("created_at"));
    }
}
