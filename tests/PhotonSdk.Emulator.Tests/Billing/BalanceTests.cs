using System.Net;
using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.Billing;

public sealed class BalanceTests
{
    [Fact]
    public async Task Balance_starts_at_the_configured_amount()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.InitialBalance = 3.25m);

        using var response = await session.Api.GetAsync("balance");
        var envelope = await Json.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, envelope.NumberAt("code"));
        Assert.Equal(3.25m, envelope["data"]!["balance"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Each_completed_prediction_takes_its_model_price_when_it_completes()
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

        Assert.Equal(10.00m, whileRunning);
        Assert.Equal(10.00m - SpecModels.ByPath("luma/photon-flash").Price, afterFlash);
        Assert.Equal(10.00m - SpecModels.ByPath("luma/photon-flash").Price - SpecModels.ByPath("luma/photon").Price, afterBoth);
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
