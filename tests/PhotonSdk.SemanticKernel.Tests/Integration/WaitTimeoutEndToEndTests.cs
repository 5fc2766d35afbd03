using Microsoft.SemanticKernel;
using PhotonSdk.Agents;
using PhotonSdk.Emulator;

namespace PhotonSdk.SemanticKernel.Tests.Integration;

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
    private Kernel? _kernel;

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { TimeProvider = _time, Seed = 11 };
        options.ModelLatencies[PhotonModels.PhotonFlash.Id] = Latency;
        _emulator = await WaveSpeedEmulator.StartAsync(options);
        _httpClient = new HttpClient(_http) { Timeout = Timeout.InfiniteTimeSpan };
        _client = new PhotonClient(new PhotonClientOptions { ApiKey = "test-key", BaseUrl = _emulator.BaseUrl, TimeProvider = _time }, _httpClient);
        _kernel = Kernel.CreateBuilder().AddPhotonImageGeneration(_client, new PhotonImageToolsOptions { WaitTimeout = WaitBound }).Build();
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
        var first = await _time.DriveAsync(_kernel!.InvokeAsync<string>("photon", "generate_image", new KernelArguments { ["prompt"] = "A slow red fox" }), _http);
        var predictionId = first!.Split(' ')[3];
        var timedOutAt = _time.GetUtcNow();

        var second = await _time.DriveAsync(_kernel.InvokeAsync<string>("photon", "get_image_result", new KernelArguments { ["prediction_id"] = predictionId }), _http);
        _time.Advance(Latency);
        var third = await _time.DriveAsync(_kernel.InvokeAsync<string>("photon", "get_image_result", new KernelArguments { ["prediction_id"] = predictionId }), _http);

        Assert.StartsWith($"Still generating: prediction {predictionId} was not finished after 2", first, StringComparison.Ordinal);
        Assert.Contains($"call get_image_result with prediction_id \"{predictionId}\"", first, StringComparison.OrdinalIgnoreCase);
        // The wait gave up at its bound exactly, long before the prediction's latency.
        Assert.Equal(WaitBound, timedOutAt - started);
        Assert.StartsWith($"Still generating: prediction {predictionId} was not finished", second, StringComparison.Ordinal);
        Assert.StartsWith($"Image ready: {_emulator!.BaseUrl}", third, StringComparison.Ordinal);
        Assert.Contains($"Prediction id: {predictionId}. Model: luma/photon-flash.", third, StringComparison.Ordinal);
        var history = await _client!.GetHistoryAsync();
        Assert.Equal([predictionId], history.Items.Select(item => item.Id));
    }
}
