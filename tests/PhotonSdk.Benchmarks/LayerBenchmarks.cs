using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using PhotonSdk.Generated;
using PhotonSdk.Resilience;
using PhotonSdk.Transport;

namespace PhotonSdk.Benchmarks;

/// <summary>
/// Where the SDK's cost over the minimal loop goes, layer by layer, for the same exchange as PredictionBenchmarks: the
/// generated client alone, then with the resilience pipelines and error mapping around each call. The whole SDK adds
/// routing, the polling loop, telemetry and result mapping on top; PredictionBenchmarks measures that.
/// </summary>
[MemoryDiagnoser]
public class LayerBenchmarks
{
    private const string Prompt = "A cinematic shot of a city at sunset, soft golden light";

    private ScriptedApiHandler _handler = null!;
    private HttpClient _http = null!;
    private PooledWaveSpeedApiClient _generated = null!;
    private ApiCaller _api = null!;
    private MinimalLoop _minimal = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handler = new ScriptedApiHandler();
        _http = new HttpClient(_handler);
        var key = new ApiKey("benchmark-key");
        _generated = new PooledWaveSpeedApiClient(
            _http, new Uri("https://api.wavespeed.ai/api/v3/"), key, ClientAttribution.Create(null), BoundedContent.DefaultMaxResponseBytes);
        var pipelines = new ResiliencePipelines(new RetryOptions(), TimeProvider.System, NullLogger.Instance);
        _api = new ApiCaller(_generated, key, pipelines, TimeProvider.System, TimeSpan.FromSeconds(60));
        _minimal = new MinimalLoop(_http, "benchmark-key");
    }

    [Benchmark(Baseline = true)]
    public async Task<Uri> MinimalHttpClientLoop()
    {
        _handler.Reset();
        return await _minimal.GenerateAsync(Prompt, CancellationToken.None);
    }

    [Benchmark]
    public async Task<string> GeneratedClient()
    {
        _handler.Reset();
        var created = await _generated.CreateLumaPhotonFlashAsync(null, new PhotonRequest { Prompt = Prompt }, CancellationToken.None);
        while (true)
        {
            var polled = await _generated.GetPredictionResultAsync(created.Data!.Id, CancellationToken.None);
            if (polled.Data!.Status == "completed") return polled.Data.Outputs![0];
        }
    }

    [Benchmark]
    public async Task<string> GeneratedClientWithResilience()
    {
        _handler.Reset();
        var context = _api.Context("Benchmark");
        var created = await _api.SubmitAsync(
            static (client, prompt, token) => client.CreateLumaPhotonFlashAsync(null, new PhotonRequest { Prompt = prompt }, token), Prompt, syncMode: false, context, CancellationToken.None);
        var id = created.Data!.Id;
        while (true)
        {
            var polled = await _api.ReadAsync(static (client, id, token) => client.GetPredictionResultAsync(id, token), id, context, CancellationToken.None);
            if (polled.Data!.Status == "completed") return polled.Data.Outputs![0];
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();
}
