using System.Diagnostics;
using System.Globalization;

namespace PhotonSdk.Benchmarks;

/// <summary>
/// The SDK's CPU per prediction against the minimal loop, measured in alternating rounds in one process, so that a
/// shared machine's slow spells fall on both sides alike; prints each side's median and the median of the per-round
/// ratios, in elapsed time and in the process's CPU time (all threads: the thread pool's and the GC's too), which other
/// processes on the machine disturb far less. BenchmarkDotNet's runs of the same pair are the reference, but on a noisy
/// machine their ratios spread widely.
/// </summary>
internal static class InterleavedRatio
{
    private const int WarmupRounds = 4;

    public static async Task RunAsync(int rounds, int predictions)
    {
        var benchmarks = new PredictionBenchmarks();
        benchmarks.Setup();
        try
        {
            // Unmeasured rounds until tiered compilation has settled: before that, the JIT's own thread runs (its CPU time
            // counts in the process's) and much of either side still runs unoptimized code.
            for (var round = 0; round < WarmupRounds; round++)
            {
                await TimeAsync(benchmarks.MinimalHttpClientLoop, predictions).ConfigureAwait(false);
                await TimeAsync(benchmarks.PhotonSdkGenerate, predictions).ConfigureAwait(false);
            }

            var minimal = new List<Timing>();
            var sdk = new List<Timing>();
            for (var round = 0; round < rounds; round++)
            {
                minimal.Add(await TimeAsync(benchmarks.MinimalHttpClientLoop, predictions).ConfigureAwait(false));
                sdk.Add(await TimeAsync(benchmarks.PhotonSdkGenerate, predictions).ConfigureAwait(false));
            }

            Print("elapsed", minimal.Select(t => t.Elapsed).ToList(), sdk.Select(t => t.Elapsed).ToList());
            Print("CPU", minimal.Select(t => t.Cpu).ToList(), sdk.Select(t => t.Cpu).ToList());

            void Print(string what, List<double> minimalMicros, List<double> sdkMicros)
            {
                var ratios = sdkMicros.Zip(minimalMicros, (s, m) => s / m).ToList();
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{rounds} rounds of {predictions} predictions each, {what}: minimal loop {Median(minimalMicros):0.00} µs, PhotonSdk GenerateAsync {Median(sdkMicros):0.00} µs, ratio {Median(ratios):0.00} (median of rounds; {ratios.Min():0.00} to {ratios.Max():0.00})"));
            }
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static async Task<Timing> TimeAsync<T>(Func<Task<T>> prediction, int count)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) await prediction().ConfigureAwait(false);
        var elapsed = watch.Elapsed;
        process.Refresh();
        return new Timing(elapsed.TotalMicroseconds / count, (process.TotalProcessorTime - cpu).TotalMicroseconds / count);
    }

    /// <summary>Microseconds per prediction: elapsed, and CPU time of the whole process.</summary>
    private readonly record struct Timing(double Elapsed, double Cpu);

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
