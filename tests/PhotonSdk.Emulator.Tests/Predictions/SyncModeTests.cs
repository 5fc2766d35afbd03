using System.Net;
using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.Predictions;

public sealed class SyncModeTests
{
    [Fact]
    public async Task Sync_mode_answers_with_the_finished_prediction()
    {
        await using var session = await EmulatorSession.StartAsync();

        var data = await session.SubmitAsync("luma/photon-flash", new { prompt = "an orchard", enable_sync_mode = true });

        Assert.Equal("completed", data.StringAt("status"));
        Assert.Equal(0, data.NumberAt("code"));
        Assert.Single(data["outputs"]!.AsArray());
    }

    [Fact]
    public async Task Sync_mode_holds_the_request_until_the_prediction_finishes()
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o => { o.LatencyScale = 1; o.TimeProvider = clock; });

        var pending = session.Api.PostAsync("luma/photon-flash", Json.Body(new { prompt = "an orchard", enable_sync_mode = true }));
        await clock.WaitForDelayAsync();
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(3));
        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(10));
        var data = (await Json.ReadObjectAsync(response))["data"];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("completed", data.StringAt("status"));
    }

    [Theory]
    [InlineData(1.0, 2)]   // the window as configured
    [InlineData(0.5, 4)]   // the window scales with the latency scale
    public async Task Sync_window_passing_first_answers_200_processing_with_code_5004(double latencyScale, int syncModeTimeoutSeconds)
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o =>
        {
            o.LatencyScale = latencyScale;
            o.SyncModeTimeout = TimeSpan.FromSeconds(syncModeTimeoutSeconds);
            o.TimeProvider = clock;
        });

        var pending = session.Api.PostAsync("luma/photon", Json.Body(new { prompt = "a canyon", enable_sync_mode = true }));
        await clock.WaitForDelayAsync();
        clock.Advance(TimeSpan.FromSeconds(2));
        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(10));
        var envelope = await Json.ReadObjectAsync(response);
        var data = envelope["data"];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, envelope.NumberAt("code"));
        Assert.Equal("processing", data.StringAt("status"));
        Assert.Equal(5004, data.NumberAt("code"));
        Assert.Equal("Sync mode timed out after 2 seconds. The prediction is still processing asynchronously.", data.StringAt("error"));
        Assert.EndsWith($"/api/v3/predictions/{data.StringAt("id")}/result", data!["urls"].StringAt("get"), StringComparison.Ordinal);

        // The task goes on: polling later finds it completed.
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal("completed", (await session.ResultAsync(data.StringAt("id"))).StringAt("status"));
    }
}
