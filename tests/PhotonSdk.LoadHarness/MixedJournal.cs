using System.Globalization;
using PhotonSdk.Batch;
using PhotonSdk.Batch.Sqlite;
using PhotonSdk.Emulator;

namespace PhotonSdk.LoadHarness;

/// <summary>
/// Builds a large journal as a long batch cut off late would leave it: most items saved, and some of every other state.
/// Items whose resume contacts the API (completed, submitted, half the cut-off submits) get real predictions in the
/// emulator first; the saved and failed ones carry made-up ids that the resume never sends.
/// </summary>
internal static class MixedJournal
{
    private const int Bucket = 1_000;
    private static readonly string[] Models = ["luma/photon-flash", "luma/photon"];

    /// <summary>What an item's journal row holds, by its place in each bucket of a thousand.</summary>
    public enum Kind
    {
        Saved,
        Completed,
        Submitted,
        RefusedPending,
        Untouched,
        Failed,
        CutOffWithPrediction,
        CutOffWithout,
    }

    /// <summary>Per thousand items: 950 saved, 20 completed but not saved, 10 submitted, 5 pending after a 429, 5 never touched, 5 failed, 5 cut off while submitting.</summary>
    public static Kind KindOf(int index) => (index % Bucket) switch
    {
        < 950 => Kind.Saved,
        < 970 => Kind.Completed,
        < 980 => Kind.Submitted,
        < 985 => Kind.RefusedPending,
        < 990 => Kind.Untouched,
        < 995 => Kind.Failed,
        _ => index % 2 == 0 ? Kind.CutOffWithPrediction : Kind.CutOffWithout,
    };

    public static IReadOnlyList<PhotonBatchItem> Items(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => new PhotonBatchItem(
            string.Create(CultureInfo.InvariantCulture, $"item-{i:000000}"),
            string.Create(CultureInfo.InvariantCulture, $"Journal resume prompt {i}: a lighthouse at dawn"))
        {
            Model = Models[i % Models.Length],
        }),
    ];

    /// <summary>Creates the journal at <paramref name="path"/> for <paramref name="items"/> and writes every item's row.</summary>
    public static async Task WriteAsync(PhotonClient client, WaveSpeedEmulator emulator, IReadOnlyList<PhotonBatchItem> items, string path, int concurrency)
    {
        var real = await CreatePredictionsAsync(client, items, concurrency);
        await using var journal = new SqliteBatchJournal(path);
        var batch = await PhotonBatch.OpenAsync(client, items, new PhotonBatchOptions { Journal = journal });
        var now = DateTimeOffset.UtcNow;
        var entries = items.Select((item, i) => EntryOf(item, i, real, emulator.BaseUrl, now)).OfType<PhotonBatchJournalEntry>();

        // Many writers at once, as a batch's items write theirs, so that the journal commits them in shared transactions.
        await Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, (entry, token) => batch.Journal.WriteAsync(entry, token));
    }

    private static async Task<Dictionary<int, ImageGenerationResult?>> CreatePredictionsAsync(PhotonClient client, IReadOnlyList<PhotonBatchItem> items, int concurrency)
    {
        var real = new Dictionary<int, ImageGenerationResult?>();
        var wanted = Enumerable.Range(0, items.Count)
            .Where(i => KindOf(i) is Kind.Completed or Kind.Submitted or Kind.CutOffWithPrediction)
            .ToList();
        var results = new ImageGenerationResult[wanted.Count];
        await Parallel.ForAsync(0, wanted.Count, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (n, token) =>
        {
            var item = items[wanted[n]];
            results[n] = await client.GenerateAsync(item.Prompt, new GenerationOptions { Model = item.Model }, token);
        });
        for (var n = 0; n < wanted.Count; n++) real[wanted[n]] = results[n];
        return real;
    }

    private static PhotonBatchJournalEntry? EntryOf(PhotonBatchItem item, int index, Dictionary<int, ImageGenerationResult?> real, Uri emulator, DateTimeOffset now)
    {
        var price = item.Model == Models[0] ? 0.005m : 0.015m;
        var madeUpId = string.Create(CultureInfo.InvariantCulture, $"{index:x32}");
        var entry = new PhotonBatchJournalEntry(item.Key, PhotonBatchItemState.Pending) { ModelId = item.Model, UpdatedAt = now };
        switch (KindOf(index))
        {
            case Kind.Saved:
                return entry with
                {
                    State = PhotonBatchItemState.Saved,
                    SubmittingAt = now,
                    PredictionId = madeUpId,
                    CostUsd = price,
                    SpentUsd = price,
                    OutputUrl = new Uri(emulator, $"outputs/{madeUpId}/0.png").AbsoluteUri,
                    SavedTo = $"photon-output/{item.Key}.png",
                };
            case Kind.Completed:
                var completed = real[index]!;
                return entry with
                {
                    State = PhotonBatchItemState.Completed,
                    SubmittingAt = now,
                    PredictionId = completed.PredictionId,
                    CostUsd = completed.CostUsd,
                    SpentUsd = price,
                    OutputUrl = completed.Images[0].Url?.AbsoluteUri,
                };
            case Kind.Submitted:
                return entry with { State = PhotonBatchItemState.Submitted, SubmittingAt = now, PredictionId = real[index]!.PredictionId, SpentUsd = price };
            case Kind.RefusedPending:
                return entry with { Error = "Rate limit exceeded (HTTP 429); nothing was created." };
            case Kind.Untouched:
                return null;
            case Kind.Failed:
                return entry with { State = PhotonBatchItemState.Failed, SubmittingAt = now, PredictionId = madeUpId, Error = "The prediction failed: task failed (1405)." };
            default:
                // Cut off between "about to submit" and "submitted": only the history can tell whether it was created.
                return entry with { State = PhotonBatchItemState.Submitting, SubmittingAt = now, SpentUsd = price };
        }
    }
}
