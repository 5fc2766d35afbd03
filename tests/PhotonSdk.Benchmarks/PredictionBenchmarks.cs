using BenchmarkDotNet.Attributes;

namespace PhotonSdk.Benchmarks;

/// <summary>
/// CPU time and allocations of one prediction (submit, three polls, completion, result mapping): the SDK against a
/// minimal hand-written loop, over the same in-memory handler. Polling delays are zero so only client work is measured.
/// The baseline sends the SDK's requests header for header, as "the same exchange" means; the bearer-only row is the
/// same loop without the Accept and attribution headers, for reference.
/// </summary>
[MemoryDiagnoser]
public class PredictionBenchmarks
{
    private ScriptedApiHandler _handler = null!;
    private HttpClient _http = null!;
    private PhotonClient _client = null!;
    private MinimalLoop _minimal = null!;
    private MinimalLoop _bearerOnly = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handler = new ScriptedApiHandler();
        _http = new HttpClient(_handler);
        _client = new PhotonClient(
            new PhotonClientOptions
            {
                ApiKey = "benchmark-key",
                BaseUrl = new Uri("https://api.wavespeed.ai"),
                // Both sides send their requests back to back, so the SDK's polling timing is off: zero delays, and no
                // waits timed from typical or learned durations (the scripted answers follow the poll count, not the clock,
                // so a learned duration would lock onto whatever the first, not yet compiled prediction took). The
                // bookkeeping that learning adds per prediction is measured on its own in LearningBenchmarks.
                Polling = { FirstDelay = TimeSpan.Zero, Growth = 1, MaxDelay = TimeSpan.FromTicks(1), LearnDurations = false, UseTypicalDurations = false },
            },
            _http);
        _minimal = new MinimalLoop(_http, "benchmark-key");
        _bearerOnly = new MinimalLoop(_http, "benchmark-key", sameHeadersAsSdk: false);
    }

    [Benchmark(Baseline = true)]
    public async Task<Uri> MinimalHttpClientLoop()
    {
        _handler.Reset();
        return await _minimal.GenerateAsync("A cinematic shot of a city at sunset, soft golden light", CancellationToken.None);
    }

    [Benchmark]
    public async Task<Uri> MinimalLoopBearerOnly()
    {
        _handler.Reset();
        return await _bearerOnly.GenerateAsync("A cinematic shot of a city at sunset, soft golden light", CancellationToken.None);
    }

    [Benchmark]
    public async Task<Uri> PhotonSdkGenerate()
    {
        _handler.Reset();
        var result = await _client.GenerateAsync("A cinematic shot of a city at sunset, soft golden light");
        return result.Image.Url!;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _http.Dispose();
    }
}
