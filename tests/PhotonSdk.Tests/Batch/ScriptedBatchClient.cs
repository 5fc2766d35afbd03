using System.Collections.Concurrent;
using PhotonSdk.Batch;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.Tests.Batch;

/// <summary>
/// A client that sends nothing: submits mint ids (or throw what the test says), waits complete at once, the history is
/// what the test puts in it. Every act goes into <see cref="Log"/>, beside the journal's writes.
/// </summary>
public sealed class ScriptedBatchClient : IPhotonClient
{
    private int _ids;

    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>What a submit of a prompt throws; nothing by default.</summary>
    public Func<string, Exception?> SubmitFails { get; set; } = _ => null;

    public List<PredictionSummary> History { get; } = [];

    public Task<PredictionHandle> SubmitAsync(string prompt, GenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Log.Enqueue($"submit {prompt}");
        if (SubmitFails(prompt) is { } error) return Task.FromException<PredictionHandle>(error);
        var id = $"pred-{Interlocked.Increment(ref _ids):000}";
        return Task.FromResult(PhotonModelFactory.PredictionHandle(this, id, options?.Model ?? PhotonModels.PhotonFlash.Id));
    }

    /// <summary>Runs at the start of every wait, so that a test can hold waits open; none by default.</summary>
    public Func<string, Task>? BeforeWait { get; set; }

    public async Task<ImageGenerationResult> WaitForCompletionAsync(PredictionHandle prediction, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        Log.Enqueue($"wait {prediction.Id}");
        if (BeforeWait is { } before) await before(prediction.Id);
        return CannedResults.Url(prediction.Id, PhotonModels.Get(prediction.ModelId ?? PhotonModels.PhotonFlash.Id));
    }

    public Task<PredictionHistoryPage> GetHistoryAsync(PredictionHistoryQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new PredictionHistoryQuery();
        Log.Enqueue($"history {query.Model} page {query.Page}");
        var items = History
            .Where(p => (query.Model is null || p.ModelId == query.Model)
                && (query.CreatedAfter is null || p.CreatedAt >= query.CreatedAfter)
                && (query.CreatedBefore is null || p.CreatedAt <= query.CreatedBefore))
            .OrderByDescending(p => p.CreatedAt)
            .ToList();
        return Task.FromResult(PhotonModelFactory.PredictionHistoryPage([.. items.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)], query.Page, items.Count));
    }

    public Task<ImageGenerationResult> GenerateAsync(string prompt, GenerationOptions? options = null, CancellationToken cancellationToken = default) => Unexpected<ImageGenerationResult>();

    public Task<PredictionStatus> UpdateStatusAsync(PredictionHandle prediction, CancellationToken cancellationToken = default) => Unexpected<PredictionStatus>();

    public Task<UploadedMedia> UploadAsync(Stream content, string fileName, string? contentType = null, CancellationToken cancellationToken = default) => Unexpected<UploadedMedia>();

    public Task<string?> DownloadAsync(GeneratedImage image, Stream destination, CancellationToken cancellationToken = default) => Unexpected<string?>();

    public Task<decimal> GetBalanceAsync(CancellationToken cancellationToken = default) => Unexpected<decimal>();

    public Task<int> DeletePredictionsAsync(IEnumerable<string> predictionIds, CancellationToken cancellationToken = default) => Unexpected<int>();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    private static Task<T> Unexpected<T>() => Task.FromException<T>(new NotSupportedException("The batch is not expected to make this call."));
}

/// <summary>A journal in memory that logs each write beside the client's acts, and can fail a chosen write.</summary>
public sealed class LoggingJournal(ConcurrentQueue<string> log) : IPhotonBatchJournal
{
    private int _writes;

    public InMemoryBatchJournal Inner { get; } = new();

    /// <summary>The number of the write (from 1) that fails as a full disk would; none by default.</summary>
    public int? FailWrite { get; set; }

    public ValueTask<IReadOnlyCollection<PhotonBatchJournalEntry>> OpenAsync(PhotonBatchDescriptor batch, CancellationToken cancellationToken = default) =>
        Inner.OpenAsync(batch, cancellationToken);

    public ValueTask WriteAsync(PhotonBatchJournalEntry entry, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _writes) == FailWrite)
        {
            log.Enqueue($"journal {entry.Key} {entry.State} FAILED");
            throw new PhotonBatchJournalException(PhotonBatchJournalProblem.Unwritable, "test journal", "The test journal could not be written: disk full.");
        }

        log.Enqueue($"journal {entry.Key} {entry.State}{(entry.PredictionId is null ? "" : " " + entry.PredictionId)}");
        return Inner.WriteAsync(entry, cancellationToken);
    }
}
