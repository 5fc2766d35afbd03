using PhotonSdk.Tests.Infrastructure;

namespace PhotonSdk.Tests.Polling;

public sealed class WaitBoundTests : WireMockTestBase
{
    [Fact]
    public async Task The_wait_stops_at_its_bound_with_the_id_and_the_last_status()
    {
        Client = CreateClient(o => o.Polling.Timeout = TimeSpan.FromSeconds(30));
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Server.Given(Get(ResultPath)).RespondWith(Json(PredictionJson.Envelope("processing")));

        var error = await DriveThrows<PhotonWaitTimeoutException>(Client.GenerateAsync("A lighthouse"));

        Assert.Equal(PredictionJson.Id, error.PredictionId);
        Assert.Equal(PredictionStatus.Processing, error.LastStatus);
        Assert.Equal(TimeSpan.FromSeconds(30), error.Waited);
        Assert.Contains("resume", error.Message, StringComparison.Ordinal);
        // Four polls from 2.7 to 3.6 s around the expected 3 s, then eight more at intervals growing from 0.45 s, the
        // last at 25.8 s: under half of what a one-second poll sends in thirty seconds.
        Assert.Equal(12, Count("GET", ResultPath));
    }

    [Fact]
    public async Task Cancelling_the_wait_keeps_the_id_and_says_the_prediction_keeps_running()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Server.Given(Get(ResultPath)).RespondWith(Json(PredictionJson.Envelope("processing")));
        using var cancel = new CancellationTokenSource();

        var generation = Client.GenerateAsync("A lighthouse", cancellationToken: cancel.Token);
        await Time.DriveAsync(generation, Http, until: () => Count("GET", ResultPath) == 2);
        var clockAtCancel = Time.GetUtcNow();
        await cancel.CancelAsync();
        await Time.DriveAsync((Task)generation, Http);

        var error = await Assert.ThrowsAsync<PhotonCanceledException>(() => generation);
        Assert.Equal(PredictionJson.Id, error.PredictionId);
        Assert.True(error.PredictionMayExist);
        Assert.Contains("keeps running", error.Message, StringComparison.Ordinal);
        // Cancelled while it waited for its third poll: it ends at once, the clock standing still.
        Assert.Equal(clockAtCancel, Time.GetUtcNow());
        Assert.Equal(2, Count("GET", ResultPath));
    }

    [Fact]
    public async Task Cancelling_before_the_submit_sends_nothing()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.GenerateAsync("A lighthouse", cancellationToken: cancel.Token));

        Assert.Null((error as PhotonCanceledException)?.PredictionId);
        Assert.Equal(0, Count("POST", FlashPath));
    }

    [Fact]
    public async Task A_per_call_wait_timeout_overrides_the_client_default()
    {
        Server.Given(Post(FlashPath)).RespondWith(Json(PredictionJson.Envelope("created")));
        Server.Given(Get(ResultPath)).RespondWith(Json(PredictionJson.Envelope("processing")));

        var error = await DriveThrows<PhotonWaitTimeoutException>(Client.GenerateAsync("A lighthouse", new GenerationOptions { WaitTimeout = TimeSpan.FromSeconds(4) }));

        Assert.Equal(TimeSpan.FromSeconds(4), error.Waited);
        // The checks around the expected 3 s, from 2.7 to 3.6 s; the next would come after the bound.
        Assert.Equal(4, Count("GET", ResultPath));
    }
}
