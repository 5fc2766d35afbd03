using System.Net;
using System.Text.Json;
using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.Billing;

/// <summary>
/// <c>GET /api/v3/balance</c> as the API reference describes it (§2.7): <c>{balance: number}</c> in USD inside the
/// envelope. When a prediction is charged is not documented; the emulator takes each image's price, from the spec,
/// when it completes, and nothing for one that fails.
/// </summary>
public sealed class BalanceTests
{
    [Fact]
    public async Task Reference_balance_is_a_number_of_usd_in_the_envelope_starting_at_the_configured_amount()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.InitialBalance = 3.25m);

        using var response = await session.Api.GetAsync("balance");
        var envelope = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, envelope.NumberAt("code"));
        Assert.Equal("success", envelope.StringAt("message"));
        Assert.Equal(JsonValueKind.Number, envelope["data"]!["balance"]!.GetValueKind());
        Assert.Equal(3.25m, envelope["data"]!["balance"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Reference_each_completed_image_takes_its_models_price_once_it_completes()
    {
        var clock = new WatchedClock();
        await using var session = await EmulatorSession.StartAsync(o => { o.LatencyScale = 1; o.TimeProvider = clock; });

        await session.SubmitAsync("luma/photon-flash", new { prompt = "one" });
        await session.SubmitAsync("luma/photon", new { prompt = "two" });
        var whileRunning = await session.BalanceAsync();
        clock.Advance(TimeSpan.FromSeconds(3));
        var afterFlash = await session.BalanceAsync();
        clock.Advance(TimeSpan.FromSeconds(5));
        var afterBoth = await session.BalanceAsync();

        // The reference's prices (§3.1): Photon Flash 0.005 USD an image, Photon 0.015 USD.
        Assert.Equal(10.00m, whileRunning);
        Assert.Equal(9.995m, afterFlash);
        Assert.Equal(9.980m, afterBoth);
    }

    [Fact]
    public async Task Failed_predictions_are_not_charged()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.Faults.ModerationWords.Add("forbidden"));

        var failed = await session.SubmitAsync("luma/photon", new { prompt = "forbidden fruit", enable_sync_mode = true });

        Assert.Equal("failed", failed.StringAt("status"));
        Assert.Equal(10.00m, await session.BalanceAsync());
    }
}
