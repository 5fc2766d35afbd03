using PhotonSdk.Agents;
using PhotonSdk.Emulator;

namespace PhotonSdk.Tests.Agents;

/// <summary>
/// A slow prediction against the emulator, on a fake clock shared by the emulator and the client: generate_image gives
/// up at its bound and hands back the id, and get_image_result finishes the same prediction later without a new submit.
/// </summary>
public sealed class WaitTimeoutEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Latency = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan WaitBound = TimeSpan.FromMinutes(2);

    private readonly WatchedClock _time = new();
    private readonly InFlightHandler _http = new();
    private WaveSpeedEmulator? _emulator;
    private HttpClient? _httpClient;
    private PhotonClient? _client;
    private PhotonImageTools? _tools;

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { TimeProvider = _time, Seed = 11 };
        options.ModelLatencies[PhotonModels.PhotonFlash.Id] = Latency;
        _emulator = await WaveSpeedEmulator.StartAsync(options);
        _httpClient = new HttpClient(_http) { Timeout = Timeout.InfiniteTimeSpan };
        _client = new PhotonClient(new PhotonClientOptions { ApiKey = "test-key", BaseUrl = _emulator.BaseUrl, TimeProvider = _time }, _httpClient);
        _tools = new PhotonImageTools(_client, new PhotonImageToolsOptions { WaitTimeout = WaitBound });
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        _httpClient?.Dispose();
        if (_emulator is not null) await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task A_timed_out_image_is_finished_by_get_image_result()
    {
        var started = _time.GetUtcNow();
        var first = await _time.DriveAsync(_tools!.GenerateImageAsync("A slow red fox"), _http);
        var predictionId = first.PredictionId!;
        var timedOutAt = _time.GetUtcNow();

        var second = await _time.DriveAsync(_tools.GetImageResultAsync(predictionId), _http);
        _time.Advance(Latency);
        var third = await _time.DriveAsync(_tools.GetImageResultAsync(predictionId), _http);

        Assert.Equal(ImageToolOutcome.StillRunning, first.Outcome);
        Assert.StartsWith($"Still generating: prediction {predictionId} was not finished after 2", first.Text, StringComparison.Ordinal);
        Assert.Contains($"call get_image_result with prediction_id \"{predictionId}\"", first.Text, StringComparison.OrdinalIgnoreCase);
        // The wait gave up at its bound exactly, long before the prediction's latency.
        Assert.Equal(WaitBound, timedOutAt - started);
        Assert.StartsWith($"Still generating: prediction {predictionId} was not finished", second.Text, StringComparison.Ordinal);
        Assert.Equal(ImageToolOutcome.Ready, third.Outcome);
        Assert.StartsWith($"Image ready: {_emulator!.BaseUrl}", third.Text, StringComparison.Ordinal);
        Assert.Contains($"Prediction id: {predictionId}. Model: luma/photon-flash.", third.Text, StringComparison.Ordinal);
        var history = await _client!.GetHistoryAsync();
        Assert.Equal([predictionId], history.Items.Select(item => item.Id));
    }

    [Fact]
    public async Task Wait_seconds_shortens_the_wait_to_the_second()
    {
        var started = _time.GetUtcNow();
        var reply = await _time.DriveAsync(_tools!.GenerateImageAsync("A slow red fox", waitSeconds: 20), _http);

        Assert.Equal(ImageToolOutcome.StillRunning, reply.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(20), _time.GetUtcNow() - started);
        Assert.StartsWith($"Still generating: prediction {reply.PredictionId} was not finished after 20 seconds;", reply.Text, StringComparison.Ordinal);
    }
}
