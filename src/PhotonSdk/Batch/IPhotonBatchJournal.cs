namespace PhotonSdk.Batch;

/// <summary>
/// Where a batch records each item's state, durably, so that a run cut off at any point (Ctrl+C, a crash, a full disk)
/// can be resumed without submitting anything twice and without losing a paid prediction's id. The batch writes an
/// item's state before the act that depends on it: about to submit, then submitted with the id, then completed or saved,
/// or failed with the reason.
/// </summary>
/// <remarks>
/// <see cref="InMemoryBatchJournal"/> keeps the entries in memory (tests, and runs that need no resume across
/// processes); the PhotonSdk.Batch.Sqlite package keeps them in a SQLite file. An implementation reports a journal it
/// cannot use (corrupt, foreign, of another batch, in use, full) with a <see cref="PhotonBatchJournalException"/>.
/// A batch calls <see cref="WriteAsync"/> from several items at once.
/// </remarks>
public interface IPhotonBatchJournal
{
    /// <summary>
    /// Opens the journal for a batch: records the batch when the journal is new, or checks that it belongs to this
    /// batch, and gives back the latest entry of every item it holds.
    /// </summary>
    /// <param name="batch">The batch.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The latest entry per item; none for a new journal.</returns>
    /// <exception cref="PhotonBatchJournalException">The journal cannot be used for this batch; nothing was changed.</exception>
    ValueTask<IReadOnlyCollection<PhotonBatchJournalEntry>> OpenAsync(PhotonBatchDescriptor batch, CancellationToken cancellationToken = default);

    /// <summary>Records an item's new state; returns once it is durable, replacing the item's previous entry.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Stops the call; an entry may be durable even so.</param>
    /// <returns>A task that ends when the entry is durable.</returns>
    /// <exception cref="PhotonBatchJournalException">The entry could not be recorded (the disk is full, say).</exception>
    ValueTask WriteAsync(PhotonBatchJournalEntry entry, CancellationToken cancellationToken = default);
}
