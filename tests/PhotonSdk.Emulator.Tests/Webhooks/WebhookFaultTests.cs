using System.Text.Json.Nodes;
using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.Webhooks;

/// <summary>The webhook faults: a share of deliveries never sent, a share sent twice, both drawn from the seed.</summary>
public sealed class WebhookFaultTests
{
    [Fact]
    public async Task A_duplicated_delivery_is_sent_again_with_the_same_id_and_body_after_the_delay()
    {
        var clock = new WatchedClock();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var session = await EmulatorSession.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.LatencyScale = 0;
            o.Faults.WebhookDuplicateRate = 1;
            o.Faults.WebhookDuplicateDelay = TimeSpan.FromSeconds(5);
        });

        var id = (await session.SubmitAsync("luma/photon-flash", new { prompt = "a kite" }, Hook(receiver))).StringAt("id");
        var first = await receiver.NextAsync();
        await clock.WaitForDelayAsync();
        clock.Advance(TimeSpan.FromSeconds(5));
        var second = await receiver.NextAsync();

        Assert.Equal(id, first.Headers["webhook-id"]);
        Assert.Equal(id, second.Headers["webhook-id"]);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(1, session.Emulator.WebhooksDuplicated);
        Assert.Equal(0, session.Emulator.WebhooksDropped);
    }

    [Fact]
    public async Task Dropped_deliveries_are_never_sent_and_the_rest_arrive_once()
    {
        const int Predictions = 40;
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var session = await EmulatorSession.StartAsync(o =>
        {
            o.LatencyScale = 0;
            o.Seed = 7;
            o.Faults.WebhookDropRate = 0.5;
        });

        var ids = new List<string>();
        for (var i = 0; i < Predictions; i++)
            ids.Add((await session.SubmitAsync("luma/photon-flash", new { prompt = $"kite {i}" }, Hook(receiver))).StringAt("id")!);

        var dropped = session.Emulator.WebhooksDropped;
        Assert.InRange(dropped, 1, Predictions - 1);
        var delivered = new List<string>();
        for (var i = 0; i < Predictions - dropped; i++) delivered.Add((await receiver.NextAsync()).Headers["webhook-id"]);

        Assert.Equal(delivered.Count, delivered.Distinct().Count());
        Assert.Subset(ids.ToHashSet(), delivered.ToHashSet());
        // Every prediction completed all the same; only its delivery was lost.
        foreach (var id in ids)
        {
            using var response = await session.Api.GetAsync($"predictions/{id}/result");
            Assert.Equal("completed", (await Json.ReadObjectAsync(response))["data"].StringAt("status"));
        }
    }

    [Theory]
    [InlineData(-0.1, 0)]
    [InlineData(0, 1.5)]
    public async Task Shares_outside_0_to_1_are_refused(double drop, double duplicate)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => EmulatorSession.StartAsync(o =>
        {
            o.Faults.WebhookDropRate = drop;
            o.Faults.WebhookDuplicateRate = duplicate;
        }));
    }

    private static string Hook(WebhookReceiver receiver) => $"?webhook={Uri.EscapeDataString(receiver.Url.AbsoluteUri)}";
}
