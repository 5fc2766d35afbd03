using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Tests.Infrastructure;
using static PhotonSdk.Cli.Tests.Infrastructure.CliAssert;
using PhotonSdk.Emulator;

namespace PhotonSdk.Cli.Tests.Commands;

/// <summary>
/// With a key set, the tool talks to WAVESPEED_BASE_URL; here that is an emulator on a fake clock, so a prediction
/// stays in progress until the test moves time on.
/// </summary>
public sealed class ResumeTests : IAsyncLifetime, IDisposable
{
    private const string Key = "test-key";
    private readonly CliRunner _cli = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private WaveSpeedEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await WaveSpeedEmulator.StartAsync(new EmulatorOptions { TimeProvider = _time });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Ctrl_C_while_waiting_exits_130_with_the_id_and_get_resumes_and_saves_it()
    {
        var stderr = new WatchedWriter();
        using var ctrlC = new CancellationTokenSource();
        var generate = _cli.RunAsync(["generate", "A lighthouse at dawn"], apiKey: Key, baseUrl: _emulator.BaseUrl.ToString(), stderr: stderr, cancellationToken: ctrlC.Token);

        var submitted = await stderr.WhenWrittenAsync("waiting for it.").WaitAsync(TimeSpan.FromSeconds(10));
        var id = submitted.Split("Submitted prediction ")[1].Split(' ')[0];
        await ctrlC.CancelAsync();
        var cancelled = await generate;

        AssertExit(cancelled, ExitCodes.Cancelled);
        Assert.Contains($"resume with: photon get {id}", cancelled.Stderr, StringComparison.Ordinal);
        Assert.Empty(_cli.SavedImages());

        _time.Advance(TimeSpan.FromMinutes(1));
        var resumed = await _cli.RunAsync(["get", id, "--json"], apiKey: Key, baseUrl: _emulator.BaseUrl.ToString());

        AssertExit(resumed, ExitCodes.Success);
        using var json = JsonDocument.Parse(Assert.Single(resumed.StdoutLines));
        Assert.Equal(id, json.RootElement.GetProperty("predictionId").GetString());
        Assert.True(Images.IsPng(json.RootElement.GetProperty("path").GetString()!));
        Assert.Empty(resumed.Stderr);
    }

    [Fact]
    public async Task Get_of_a_prediction_submitted_elsewhere_reports_how_long_it_waited_not_a_total()
    {
        using var client = new PhotonClient(new PhotonClientOptions { ApiKey = Key, BaseUrl = _emulator.BaseUrl });
        var handle = await client.SubmitAsync("A red fox in the snow");
        _time.Advance(TimeSpan.FromMinutes(1));

        var run = await _cli.RunAsync(["get", handle.Id], apiKey: Key, baseUrl: _emulator.BaseUrl.ToString());

        AssertExit(run, ExitCodes.Success);
        var timings = Assert.Single(run.StdoutLines, line => line.StartsWith("timings", StringComparison.Ordinal));
        Assert.Contains(", waited ", timings, StringComparison.Ordinal);
        Assert.DoesNotContain("total", timings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_lists_a_prediction_the_tool_submitted()
    {
        _time.Advance(TimeSpan.FromSeconds(1));
        using var client = new PhotonClient(new PhotonClientOptions { ApiKey = Key, BaseUrl = _emulator.BaseUrl });
        var handle = await client.SubmitAsync("A red fox in the snow");

        var run = await _cli.RunAsync(["history"], apiKey: Key, baseUrl: _emulator.BaseUrl.ToString());

        AssertExit(run, ExitCodes.Success);
        Assert.Contains(handle.Id, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("luma/photon-flash", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_of_an_unknown_id_exits_10()
    {
        var run = await _cli.RunAsync(["get", "0123456789abcdef"], apiKey: Key, baseUrl: _emulator.BaseUrl.ToString());

        AssertExit(run, ExitCodes.PredictionNotFound);
        Assert.Contains("0123456789abcdef", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
