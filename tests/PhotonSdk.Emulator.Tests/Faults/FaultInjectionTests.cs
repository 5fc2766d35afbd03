using System.Net;
using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.Faults;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Prediction_failures_repeat_under_the_same_seed()
    {
        async Task<List<(string Status, int Code, string Error)>> RunAsync(int seed)
        {
            await using var session = await EmulatorSession.StartAsync(o =>
            {
                o.Seed = seed;
                o.Faults.FailureRate = 0.5;
                o.Faults.FailureCode = 5003;
            });
            var outcomes = new List<(string, int, string)>();
            for (var i = 0; i < 20; i++)
            {
                var result = await session.SubmitAsync("luma/photon-flash", new { prompt = $"p{i}", enable_sync_mode = true });
                outcomes.Add((result.StringAt("status"), result.NumberAt("code"), result.StringAt("error")));
            }

            return outcomes;
        }

        var first = await RunAsync(42);
        var again = await RunAsync(42);
        var other = await RunAsync(43);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Contains(first, o => o.Status == "completed" && o.Code == 0);
        Assert.Contains(first, o => o.Status == "failed" && o.Code == 5003 && o.Error.Length > 0);
        Assert.All(first.Where(o => o.Status == "failed"), o => Assert.Equal(5003, o.Code));
    }

    [Fact]
    public async Task A_moderation_word_in_the_prompt_fails_the_prediction_with_1200()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.Faults.ModerationWords.Add("forbidden"));

        var flagged = await session.SubmitAsync("luma/photon-flash", new { prompt = "A FORBIDDEN picture", enable_sync_mode = true });
        var clean = await session.SubmitAsync("luma/photon-flash", new { prompt = "a fine picture", enable_sync_mode = true });

        Assert.Equal("failed", flagged.StringAt("status"));
        Assert.Equal(1200, flagged.NumberAt("code"));
        Assert.Empty(flagged["outputs"]!.AsArray());
        Assert.Equal("completed", clean.StringAt("status"));
    }

    [Fact]
    public async Task Server_errors_hit_the_same_requests_under_the_same_seed()
    {
        async Task<List<HttpStatusCode>> RunAsync(int seed)
        {
            await using var session = await EmulatorSession.StartAsync(o =>
            {
                o.Seed = seed;
                o.Faults.ServerErrorRate = 0.5;
                o.Faults.ServerErrorStatusCode = 502;
            });
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 20; i++)
            {
                using var response = await session.Api.GetAsync("balance");
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.BadGateway)
                {
                    Assert.Equal(502, (await Json.ReadObjectAsync(response)).NumberAt("code"));
                }
            }

            return statuses;
        }

        var first = await RunAsync(7);
        var again = await RunAsync(7);

        Assert.Equal(first, again);
        Assert.Contains(HttpStatusCode.OK, first);
        Assert.Contains(HttpStatusCode.BadGateway, first);
    }

    [Fact]
    public async Task A_rate_limit_storm_answers_429_with_retry_after_and_creates_nothing()
    {
        await using var session = await EmulatorSession.StartAsync(o =>
        {
            o.Seed = 11;
            o.Faults.RateLimitedRate = 0.5;
            o.Faults.RateLimitedRetryAfter = TimeSpan.FromSeconds(2.5);
        });

        var limited = 0;
        var accepted = 0;
        for (var i = 0; i < 20; i++)
        {
            using var response = await session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = $"p{i}" }));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited++;
                Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
                Assert.Equal(429, (await Json.ReadObjectAsync(response)).NumberAt("code"));
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                accepted++;
            }
        }

        var balance = 10.00m - (accepted * 0.005m);
        Assert.InRange(limited, 1, 19);
        Assert.Equal(balance, await BalanceAfterStormAsync(session));
    }

    private static async Task<decimal> BalanceAfterStormAsync(EmulatorSession session)
    {
        // The balance read itself may draw a 429; the storm is only half the requests.
        while (true)
        {
            using var response = await session.Api.GetAsync("balance");
            if (response.StatusCode == HttpStatusCode.OK) return (await Json.ReadObjectAsync(response))["data"]!["balance"]!.GetValue<decimal>();
        }
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public async Task A_submit_answered_5xx_can_still_have_created_its_prediction(bool keepsSubmission, int extraPredictions)
    {
        await using var session = await EmulatorSession.StartAsync(o =>
        {
            o.Seed = 3;
            o.Faults.ServerErrorRate = 0.5;
            o.Faults.ServerErrorKeepsSubmission = keepsSubmission;
        });

        var accepted = 0;
        var refused = false;
        for (var i = 0; i < 30 && !refused; i++)
        {
            using var response = await session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = $"p{i}" }));
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                refused = true;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                accepted++;
            }
        }

        int? total = null;
        for (var i = 0; i < 30 && total is null; i++)
        {
            using var history = await session.Api.PostAsync("predictions", Json.Body(new { page = 1, page_size = 100 }));
            if (history.StatusCode == HttpStatusCode.OK)
            {
                total = (await Json.ReadObjectAsync(history))["data"].NumberAt("total");
            }
        }

        Assert.True(refused);
        Assert.Equal(accepted + extraPredictions, total);
    }

    [Fact]
    public async Task Slow_responses_wait_on_the_emulator_clock()
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o =>
        {
            o.Faults.SlowResponseRate = 1;
            o.Faults.SlowResponseDelay = TimeSpan.FromSeconds(5);
            o.TimeProvider = clock;
        });

        var pending = session.Api.GetAsync("balance");
        await clock.WaitForDelayAsync();
        var completedBeforeAdvance = pending.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(5));
        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(completedBeforeAdvance);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_dropped_submit_gives_no_answer_but_its_prediction_exists()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.Faults.ConnectionResetRate = 1);

        await Assert.ThrowsAsync<HttpRequestException>(() => session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = "A fox" })));

        Assert.Equal(1, session.Emulator.PredictionsCreated);
    }

    [Fact]
    public async Task The_request_observer_hears_a_submit_arrive_and_be_answered_and_a_dropped_one_as_dropped()
    {
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using (var session = await EmulatorSession.StartAsync(o => o.OnRequest = r => seen.Enqueue($"{r} submit={r.IsSubmit}")))
        {
            using var submitted = await session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = "A fox" }));
            using var history = await session.Api.PostAsync("predictions", Json.Body(new { page = 1, page_size = 10 }));
        }

        await using (var dropping = await EmulatorSession.StartAsync(o =>
        {
            o.Faults.ConnectionResetRate = 1;
            o.OnRequest = r => seen.Enqueue($"{r} submit={r.IsSubmit}");
        }))
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => dropping.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = "A hare" })));
        }

        Assert.Equal(
        [
            "POST /api/v3/luma/photon-flash submit=True",
            "POST /api/v3/luma/photon-flash -> 200 submit=True",
            "POST /api/v3/predictions submit=False",
            "POST /api/v3/predictions -> 200 submit=False",
            "POST /api/v3/luma/photon-flash submit=True",
            "POST /api/v3/luma/photon-flash -> dropped submit=True",
        ], seen);
    }
}
