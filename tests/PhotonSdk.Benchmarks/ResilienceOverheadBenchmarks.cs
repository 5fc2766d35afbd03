using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using PhotonSdk.Generated;
using PhotonSdk.Resilience;
using Polly;

namespace PhotonSdk.Benchmarks;

/// <summary>
/// What the SDK's Polly pipelines cost per request on their own: one execution around a call that has already
/// completed, against calling it directly. A prediction makes four such executions (submit and three polls).
/// </summary>
[MemoryDiagnoser]
public class ResilienceOverheadBenchmarks
{
    private static readonly Task<PredictionResponse> Completed = Task.FromResult(new PredictionResponse { Code = 200 });

    private ResiliencePipeline<PredictionResponse> _read = null!;
    private CancellationTokenSource _waitBound = null!;

    [GlobalSetup]
    public void Setup()
    {
        _read = new ResiliencePipelines(new RetryOptions(), TimeProvider.System, NullLogger.Instance).ReadOf<PredictionResponse>();
        // A wait always passes its own bound, so the timeout strategy links to a token that can be cancelled.
        _waitBound = new CancellationTokenSource(TimeSpan.FromMinutes(10));
    }

    [Benchmark(Baseline = true)]
    public async Task<int> DirectCall() => (await Completed).Code;

    [Benchmark]
    public async Task<int> ThroughReadPipeline() =>
        (await _read.ExecuteAsync(static (call, _) => new ValueTask<PredictionResponse>(call), Completed, _waitBound.Token)).Code;

    [GlobalCleanup]
    public void Cleanup() => _waitBound.Dispose();
}
