using System.Net;
using Microsoft.Extensions.Time.Testing;
using PhotonSdk.Emulator.Tests.Support;

namespace PhotonSdk.Emulator.Tests.Persistence;

/// <summary>An emulator started on the state file an earlier one wrote answers for that one's predictions.</summary>
public sealed class StateFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("photon-emulator-state-").FullName;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    private string StateFile => Path.Combine(_folder, "state", "emulator-state.jsonl");

    [Fact]
    public async Task Predictions_deletions_and_charges_survive_a_restart_and_urls_use_the_new_address()
    {
        string kept, deleted;
        await using (var first = await StartAsync())
        {
            kept = (await first.SubmitAsync("luma/photon-flash", new { prompt = "A red fox" })).StringAt("id");
            deleted = (await first.SubmitAsync("luma/photon", new { prompt = "A grey wolf" })).StringAt("id");
            using var delete = await first.Api.PostAsync("predictions/delete", Json.Body(new { ids = new[] { deleted } }));
            Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        await using var second = await StartAsync();
        var result = await second.ResultAsync(kept);
        using var gone = await second.Api.GetAsync($"predictions/{deleted}/result");
        var fresh = (await second.SubmitAsync("luma/photon-flash", new { prompt = "A hare" })).StringAt("id");

        Assert.Equal("completed", result.StringAt("status"));
        var output = result["outputs"]![0]!.GetValue<string>();
        Assert.StartsWith(second.Emulator.BaseUrl.GetLeftPart(UriPartial.Authority) + "/outputs/", output, StringComparison.Ordinal);
        using var image = await second.Anonymous.GetAsync(output);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        // Every prediction was billed, the deleted one too (and the new one, finished at once without latency).
        Assert.Equal(10.00m - 0.005m - 0.015m - 0.005m, await second.BalanceAsync());
        Assert.NotEqual(kept, fresh);
        Assert.Equal(1, second.Emulator.PredictionsCreated);
    }

    [Fact]
    public async Task A_line_cut_off_by_a_crash_is_skipped_and_the_rest_is_kept()
    {
        string kept;
        await using (var first = await StartAsync())
        {
            kept = (await first.SubmitAsync("luma/photon-flash", new { prompt = "A red fox" })).StringAt("id");
        }

        await File.AppendAllTextAsync(StateFile, "{\"event\":\"created\",\"id\":\"abc");
        _time.Advance(TimeSpan.FromMinutes(1));
        await using var second = await StartAsync();

        Assert.Equal("completed", (await second.ResultAsync(kept)).StringAt("status"));
        Assert.DoesNotContain("\"abc", await File.ReadAllTextAsync(StateFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predictions_past_the_seven_day_retention_are_dropped()
    {
        string old;
        await using (var first = await StartAsync())
        {
            old = (await first.SubmitAsync("luma/photon-flash", new { prompt = "A red fox" })).StringAt("id");
        }

        _time.Advance(TimeSpan.FromDays(8));
        await using var second = await StartAsync();
        using var gone = await second.Api.GetAsync($"predictions/{old}/result");

        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(10.00m - 0.005m, await second.BalanceAsync());
        Assert.Equal("{\"event\":\"charged\",\"usd\":0.005}", (await File.ReadAllTextAsync(StateFile)).Trim());
    }

    [Fact]
    public async Task A_deleted_prediction_stays_billed_across_several_restarts()
    {
        await using (var first = await StartAsync())
        {
            var id = (await first.SubmitAsync("luma/photon", new { prompt = "A grey wolf" })).StringAt("id");
            using var delete = await first.Api.PostAsync("predictions/delete", Json.Body(new { ids = new[] { id } }));
        }

        await (await StartAsync()).DisposeAsync();
        await using var third = await StartAsync();

        Assert.Equal(10.00m - 0.015m, await third.BalanceAsync());
    }

    private Task<EmulatorSession> StartAsync() => EmulatorSession.StartAsync(o =>
    {
        o.StateFile = StateFile;
        o.TimeProvider = _time;
        o.Seed = 7;
    });

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
