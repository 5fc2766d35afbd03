using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using PhotonSdk.Resilience;
using PhotonSdk.Rest;
using PhotonSdk.Transport;

namespace PhotonSdk.Benchmarks;

/// <summary>
/// Where the SDK's cost over the minimal loop goes, layer by layer, for the same exchange as PredictionBenchmarks: the
/// generated client under the SDK's one request policy (retries, attempt bounds, bounded body read, error mapping), as
/// users of PhotonClient.Rest call it. The whole SDK adds routing, the polling loop, telemetry and result mapping on
/// top; PredictionBenchmarks measures that.
/// </summary>
[MemoryDiagnoser]
public class LayerBenchmarks
{
    private const string Prompt = "A cinematic shot of a city at sunset, soft golden light";

    private ScriptedApiHandler _handler = null!;
    private HttpClient _http = null!;
    private WaveSpeedRestClient _generated = null!;
    private MinimalLoop _minimal = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handler = new ScriptedApiHandler();
        _http = new HttpClient(_handler);
        var key = new ApiKey("benchmark-key");
        var policy = new RequestPolicy(new RetryOptions(), TimeProvider.System, NullLogger.Instance, key, PhotonClient.MaxResponseBytes);
        _generated = new WaveSpeedRestClient(_http, new Uri("https://api.wavespeed.ai/api/v3/"), key, ClientAttribution.Create(null), policy);
        _minimal = new MinimalLoop(_http, "benchmark-key");
    }

    [Benchmark(Baseline = true)]
    public async Task<Uri> MinimalHttpClientLoop()
    {
        _handler.Reset();
        return await _minimal.GenerateAsync(Prompt, CancellationToken.None);
    }

    [Benchmark]
    public async Task<string> GeneratedClientWithPolicy()
    {
        _handler.Reset();
        var created = await _generated.CreateLumaPhotonFlashAsync(null, new PhotonRequest { Prompt = Prompt }, CancellationToken.None);
        while (true)
        {
            var polled = await _generated.GetPredictionResultAsync(created.Data!.Id, CancellationToken.None);
            if (polled.Data!.Status == "completed") return polled.Data.Outputs![0];
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();
}
