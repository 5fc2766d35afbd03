using System.Diagnostics;
using PhotonSdk.Batch;
using PhotonSdk.Batch.Sqlite;
using PhotonSdk.Emulator;

namespace PhotonSdk.LoadHarness;

/// <summary>
/// Resuming a large batch: builds a journal of mixed states (mostly saved) in a temporary folder, then times what a
/// resume does before its first request (PhotonBatch.OpenAsync: items checked and routed, the journal opened and read,
/// the plan made) and streams the whole run, watching memory. The save hook records the image's URL rather than
/// downloading it, so the emulator renders nothing.
/// </summary>
internal static class JournalResumeMode
{
    public const string Name = "journal-resume";

    /// <summary>The most that opening and planning the resume may take.</summary>
    public static readonly TimeSpan OpenBound = TimeSpan.FromSeconds(2);

    public static async Task<JournalResumeResult> RunAsync(int itemCount, int maxConnections, TimeSpan timeLimit)
    {
        await using var emulator = await WaveSpeedEmulator.StartAsync(new EmulatorOptions
        {
            // A tenth of the real latencies: the resume's own work is what is measured, not the predictions' wait.
            LatencyScale = 0.1,
            InitialBalance = 1_000_000m,
        });
        var counter = new RequestCounter(HarnessHttp.Handler(maxConnections));
        using var http = new HttpClient(counter) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new PhotonClient(new PhotonClientOptions { ApiKey = HarnessHttp.ApiKey, BaseUrl = emulator.BaseUrl }, http);
        var folder = Directory.CreateTempSubdirectory("photon-journal-resume-");
        try
        {
            var path = Path.Combine(folder.FullName, "resume.photon-journal");
            var items = MixedJournal.Items(itemCount);
            var build = Stopwatch.StartNew();
            await MixedJournal.WriteAsync(client, emulator, items, path, concurrency: 64);
            build.Stop();
            var journalBytes = Directory.EnumerateFiles(folder.FullName).Sum(f => new FileInfo(f).Length);
            var createdBefore = emulator.PredictionsCreated;
            var requestsBefore = counter.Submits;

            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var open = Stopwatch.StartNew();
            await using var journal = new SqliteBatchJournal(path);
            var batch = await PhotonBatch.OpenAsync(client, items, new PhotonBatchOptions
            {
                Journal = journal,
                SaveImage = static (_, result, _) => ValueTask.FromResult(result.Images[0].Url!.AbsoluteUri),
            });
            var plan = batch.Plan;
            open.Stop();
            var heapHeld = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;

            var outcomes = new Dictionary<PhotonBatchOutcome, int>();
            var firstResult = TimeSpan.Zero;
            string? error = null;
            await using var memory = MemoryWatch.Start(() => emulator.PredictionsCreated);
            using var limit = new CancellationTokenSource(timeLimit);
            var run = Stopwatch.StartNew();
            try
            {
                await foreach (var result in batch.RunAsync(limit.Token))
                {
                    if (firstResult == TimeSpan.Zero) firstResult = run.Elapsed;
                    outcomes[result.Outcome] = outcomes.GetValueOrDefault(result.Outcome) + 1;
                }
            }
            catch (Exception e) when (e is OperationCanceledException or PhotonException or PhotonBatchJournalException)
            {
                error = $"{e.GetType().Name}: {e.Message}";
            }

            run.Stop();
            await memory.DisposeAsync();
            return new JournalResumeResult(
                itemCount,
                journalBytes,
                build.Elapsed,
                open.Elapsed,
                plan,
                firstResult,
                run.Elapsed,
                outcomes,
                emulator.PredictionsCreated - createdBefore,
                counter.Submits - requestsBefore,
                heapHeld,
                memory.PeakClientRetainedMb,
                memory.PeakHeapAboveIdleMb,
                memory.PeakWorkingSetAboveIdleMb,
                error);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
