using System.Diagnostics;
using System.Globalization;

namespace PhotonSdk.Benchmarks;

/// <summary>
/// The SDK's CPU per prediction against the minimal loop, measured in alternating rounds in one process, so that a
/// shared machine's slow spells fall on both sides alike; prints each side's median and the median of the per-round
/// ratios. BenchmarkDotNet's runs of the same pair are the reference, but on a noisy machine their ratios spread widely.
/// </summary>
internal static class InterleavedRatio
{
    public static async Task RunAsync(int rounds, int predictions)
    {
        var benchmarks = new PredictionBenchmarks();
        benchmarks.Setup();
        try
        {
            await TimeAsync(benchmarks.MinimalHttpClientLoop, predictions).ConfigureAwait(false);
            await TimeAsync(benchmarks.PhotonSdkGenerate, predictions).ConfigureAwait(false);
            var minimal = new List<double>();
            var sdk = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                minimal.Add(await TimeAsync(benchmarks.MinimalHttpClientLoop, predictions).ConfigureAwait(false));
                sdk.Add(await TimeAsync(benchmarks.PhotonSdkGenerate, predictions).ConfigureAwait(false));
            }

            var ratios = sdk.Zip(minimal, (s, m) => s / m).ToList();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{rounds} rounds of {predictions} predictions each: minimal loop {Median(minimal):0.00} µs, PhotonSdk GenerateAsync {Median(sdk):0.00} µs, ratio {Median(ratios):0.00} (median of rounds; {ratios.Min():0.00} to {ratios.Max():0.00})"));
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> prediction, int count)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) await prediction().ConfigureAwait(false);
        return watch.Elapsed.TotalMicroseconds / count;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
