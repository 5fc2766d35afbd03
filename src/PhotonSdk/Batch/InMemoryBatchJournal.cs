using System.Collections.Concurrent;

namespace PhotonSdk.Batch;

/// <summary>
/// A journal kept in memory: the default of a batch that is given none. It resumes a batch run again in the same process
/// (the same instance passed to each run) but not across processes; use the SQLite journal
/// (PhotonSdk.Batch.Sqlite) for that.
/// </summary>
public sealed class InMemoryBatchJournal : IPhotonBatchJournal
{
    private readonly ConcurrentDictionary<string, PhotonBatchJournalEntry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private PhotonBatchDescriptor? _batch;

    /// <summary>The batch this journal was opened for, once it was.</summary>
    public PhotonBatchDescriptor? Batch
    {
        get
        {
            lock (_gate) return _batch;
        }
    }

    /// <summary>The latest entry of every item, in no particular order.</summary>
    public IReadOnlyCollection<PhotonBatchJournalEntry> Entries => [.. _entries.Values];

    /// <inheritdoc />
    public ValueTask<IReadOnlyCollection<PhotonBatchJournalEntry>> OpenAsync(PhotonBatchDescriptor batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_batch is { } existing && existing.Id != batch.Id)
            {
                throw new PhotonBatchJournalException(
                    PhotonBatchJournalProblem.OtherBatch,
                    nameof(InMemoryBatchJournal),
                    $"This journal belongs to {existing}, not to {batch}: the items, prompts or models differ. Use a new journal for a new batch.");
            }

            _batch = batch;
        }

        return ValueTask.FromResult(Entries);
    }

    /// <inheritdoc />
    public ValueTask WriteAsync(PhotonBatchJournalEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Batch is null) throw new InvalidOperationException("Open the journal before writing to it.");
        _entries[entry.Key] = entry;
        return ValueTask.CompletedTask;
    }
}
