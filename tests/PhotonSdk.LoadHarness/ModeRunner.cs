using System.Diagnostics;
using PhotonSdk.Emulator;

namespace PhotonSdk.LoadHarness;

/// <summary>
/// Runs a number of predictions with a bounded number in flight, under a time limit, and turns what each client
/// noticed into the mode's figures. Notice latency is when the client saw a prediction completed minus when the
/// emulator completed it; both read the same system clock.
/// </summary>
internal static class ModeRunner
{
    public static async Task<ModeResult> RunAsync(
        string mode,
        int count,
        int concurrency,
        TimeSpan timeLimit,
        WaveSpeedEmulator emulator,
        RequestCounter requests,
        Func<int, CancellationToken, Task<Noticed>> generate)
    {
        requests.Reset();
        var latencies = new double[count];
        var completed = new bool[count];
        var errors = 0;
        string? firstError = null;
        var next = -1;
        using var limit = new CancellationTokenSource(timeLimit);

        // Every submit this mode makes creates one prediction in the emulator, which keeps it until it is disposed.
        await using var memory = MemoryWatch.Start(() => requests.Submits);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Math.Min(concurrency, count)).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                try
                {
                    var noticed = await generate(index, limit.Token);
                    var finished = emulator.FinishTimeOf(noticed.PredictionId) ?? throw new InvalidOperationException($"The emulator does not know {noticed.PredictionId}.");
                    latencies[index] = (noticed.At - finished).TotalMilliseconds;
                    completed[index] = true;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, $"{e.GetType().Name}: {e.Message}", null);
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        clock.Stop();
        await memory.DisposeAsync();

        var noticed = latencies.Where((_, i) => completed[i]).Order().ToArray();
        return new ModeResult(
            mode,
            count,
            errors,
            Percentile(noticed, 0.50),
            Percentile(noticed, 0.95),
            (double)requests.ResultReads / count,
            (double)(requests.ResultReads + requests.Submits) / count,
            clock.Elapsed,
            memory.PeakClientRetainedMb,
            memory.PeakHeapAboveIdleMb,
            memory.PeakWorkingSetAboveIdleMb,
            firstError);
    }

    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
}
