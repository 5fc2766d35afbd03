using System.Diagnostics;
using System.Globalization;
using PhotonSdk.Batch;
using PhotonSdk.Batch.Sqlite;
using PhotonSdk.Emulator;

namespace PhotonSdk.LoadHarness;

/// <summary>
/// A batch engine run at an account level's full rate: PhotonBatch with a SQLite journal in a temporary folder, paced
/// to the tier, against an in-process emulator (loopback) that enforces the same tier, with realistic latencies. The
/// batch saves nothing, so the emulator renders no image and only the API's pace and the engine's own work count.
/// </summary>
internal static class BatchThroughputMode
{
    public const string Name = "batch-throughput";

    /// <summary>The emulator's default latency of the slower model of the mix (Photon); Photon Flash takes 3 s.</summary>
    public static readonly TimeSpan SlowestLatency = TimeSpan.FromSeconds(8);

    /// <summary>The bound's slack: 90 % of the tier's rate is a wall time of at most 1/0.9 ≈ 1.11 times the ideal.</summary>
    public const double Slack = 1.11;

    private static readonly string[] Models = ["luma/photon-flash", "luma/photon"];

    public static async Task<BatchThroughputResult> RunAsync(PhotonAccountTier tier, int prompts, double latencyJitter, int maxConnections, TimeSpan timeLimit)
    {
        await using var emulator = await WaveSpeedEmulator.StartAsync(new EmulatorOptions
        {
            RateLimitTier = Enum.Parse<RateLimitTier>(tier.Name, ignoreCase: true),
            LatencyScale = 1,
            LatencyJitter = latencyJitter,
            // Enough that no run exhausts the balance, which would otherwise not matter to the figures.
            InitialBalance = 1_000_000m,
        });
        var counter = new RequestCounter(HarnessHttp.Handler(maxConnections));
        using var http = new HttpClient(counter) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new PhotonClient(new PhotonClientOptions { ApiKey = HarnessHttp.ApiKey, BaseUrl = emulator.BaseUrl }, http);
        var folder = Directory.CreateTempSubdirectory("photon-batch-throughput-");
        try
        {
            var items = Enumerable.Range(0, prompts)
                .Select(i => new PhotonBatchItem(
                    string.Create(CultureInfo.InvariantCulture, $"item-{i:000000}"),
                    string.Create(CultureInfo.InvariantCulture, $"Batch throughput prompt {i}: a lighthouse at dawn"))
                {
                    Model = Models[i % Models.Length],
                })
                .ToList();
            var outcomes = new Dictionary<PhotonBatchOutcome, int>();
            string? error = null;
            var clock = new Stopwatch();
            await using (var journal = new SqliteBatchJournal(Path.Combine(folder.FullName, "batch.photon-journal")))
            {
                var batch = await PhotonBatch.OpenAsync(client, items, new PhotonBatchOptions { Tier = tier, Journal = journal });
                using var limit = new CancellationTokenSource(timeLimit);
                clock.Start();
                try
                {
                    await foreach (var result in batch.RunAsync(limit.Token))
                    {
                        outcomes[result.Outcome] = outcomes.GetValueOrDefault(result.Outcome) + 1;
                        if (result.Outcome != PhotonBatchOutcome.Completed) error ??= result.ToString();
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or PhotonException or PhotonBatchJournalException)
                {
                    error ??= $"{e.GetType().Name}: {e.Message}";
                }

                clock.Stop();
            }

            var slowest = SlowestLatency * (1 + latencyJitter);
            var bound = TimeSpan.FromSeconds(((prompts * 60.0 / tier.ImagesPerMinute) + slowest.TotalSeconds) * Slack);
            return new BatchThroughputResult(
                tier,
                prompts,
                outcomes.GetValueOrDefault(PhotonBatchOutcome.Completed),
                clock.Elapsed,
                bound,
                counter.RateLimited,
                emulator.PredictionsCreated,
                error);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
