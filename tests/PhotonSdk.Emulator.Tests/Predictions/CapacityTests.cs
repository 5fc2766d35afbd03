using System.Net;
using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.Predictions;

/// <summary>Runs alone, so that the heap it measures holds only its own emulator's state.</summary>
[CollectionDefinition(nameof(CapacityTests), DisableParallelization = true)]
public sealed class RunsAlone;

[Collection(nameof(CapacityTests))]
public sealed class CapacityTests
{
    private const int Predictions = 10_000;
    private const int WithWebhooks = 500;

    [Fact]
    public async Task Ten_thousand_predictions_in_flight_stay_small_and_all_complete()
    {
        var clock = new WatchedClock();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var session = await EmulatorSession.StartAsync(o =>
        {
            o.LatencyScale = 1;
            o.InitialBalance = 100m;
            o.TimeProvider = clock;
        });
        var webhook = $"?webhook={Uri.EscapeDataString(receiver.Url.AbsoluteUri)}";
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(Enumerable.Range(0, Predictions).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await session.Api.PostAsync(
                    "luma/photon-flash" + (i < WithWebhooks ? webhook : ""),
                    Json.Body(new { prompt = $"load test picture number {i}" }));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            finally
            {
                gate.Release();
            }
        }));
        var heapGrowth = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        var stored = await TotalAsync(session, status: null);
        var completedAtOnce = await TotalAsync(session, "completed");

        clock.Advance(TimeSpan.FromSeconds(3));
        var completed = await TotalAsync(session, "completed");
        var received = 0;
        for (; received < WithWebhooks; received++)
        {
            await receiver.NextAsync();
        }

        Assert.Equal(Predictions, stored);
        Assert.Equal(0, completedAtOnce);
        Assert.True(heapGrowth < 64L * 1024 * 1024, $"The heap grew by {heapGrowth / 1024 / 1024} MiB for {Predictions} predictions.");
        Assert.Equal(Predictions, completed);
        Assert.Equal(WithWebhooks, received);
        Assert.Equal(100m - (Predictions * SpecModels.ByPath("luma/photon-flash").Price), await session.BalanceAsync());
    }

    private static async Task<int> TotalAsync(EmulatorSession session, string? status)
    {
        using var response = await session.Api.PostAsync("predictions", Json.Body(status is null ? new { page = 1, page_size = 1 } : new { page = 1, page_size = 1, status }));
        return (await Json.ReadObjectAsync(response))["data"].NumberAt("total");
    }
}
