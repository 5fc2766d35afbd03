using BenchmarkDotNet.Attributes;
using PhotonSdk.Polling;

namespace PhotonSdk.Benchmarks;

/// <summary>
/// What the learned polling schedule adds to one prediction: recording its observed duration and reading the window its
/// checks are timed by (a lock, a 15-sample copy and sort). PredictionBenchmarks runs with learning off; this is the
/// difference.
/// </summary>
[MemoryDiagnoser]
public class LearningBenchmarks
{
    private static readonly TimeSpan Pending = TimeSpan.FromSeconds(2.9);
    private static readonly TimeSpan Completed = TimeSpan.FromSeconds(3.1);
    private static readonly TimeSpan FastWindow = TimeSpan.FromSeconds(1.2);

    private readonly ModelDurations _durations = new();
    private readonly PollingOptions _polling = new();

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < DurationSamples.Capacity; i++) _durations.Record("luma/photon-flash", Pending, Completed, FastWindow);
    }

    [Benchmark]
    public TimeSpan? RecordAndReadExpectedWindow()
    {
        _durations.Record("luma/photon-flash", Pending, Completed, FastWindow);
        return _durations.Window("luma/photon-flash", _polling)?.Anchor;
    }
}
