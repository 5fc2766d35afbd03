using Microsoft.Data.Sqlite;
using PhotonSdk.Batch;

namespace PhotonSdk.Batch.Sqlite.Tests;

/// <summary>The journal file itself: what it keeps, and every file it refuses, by name, without changing it.</summary>
public sealed class JournalFileTests : IDisposable
{
    private static readonly PhotonBatchDescriptor Batch = new("a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", 3);
    private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();

    private string JournalPath => _folder.File("batch.photon-journal");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Every_field_of_an_entry_survives_closing_and_reopening()
    {
        var entry = new PhotonBatchJournalEntry("line-7", PhotonBatchItemState.Saved)
        {
            SubmittingAt = At,
            PredictionId = "6488c2754f6f4dfea924382fa14d11bd",
            ModelId = "luma/photon-flash",
            CostUsd = 0.005m,
            SpentUsd = 0.010m,
            OutputUrl = "https://cdn.example/6488/0.png",
            SavedTo = "/out/line-7.png",
            Error = "an earlier attempt was refused",
            UpdatedAt = At.AddSeconds(4.25),
        };
        var pending = new PhotonBatchJournalEntry("line-8", PhotonBatchItemState.Pending) { UpdatedAt = At };
        await using (var journal = new SqliteBatchJournal(JournalPath))
        {
            Assert.Empty(await journal.OpenAsync(Batch));
            await journal.WriteAsync(entry with { State = PhotonBatchItemState.Submitting });
            await journal.WriteAsync(entry);
            await journal.WriteAsync(pending);
        }

        await using var reopened = new SqliteBatchJournal(JournalPath);
        var entries = await reopened.OpenAsync(Batch);

        Assert.Equal([entry, pending], entries.OrderBy(e => e.Key));
    }

    [Fact]
    public async Task Times_edited_by_hand_in_other_ISO_8601_forms_still_read()
    {
        await using (var journal = new SqliteBatchJournal(JournalPath))
        {
            await journal.OpenAsync(Batch);
            await journal.WriteAsync(new PhotonBatchJournalEntry("line-1", PhotonBatchItemState.Submitting) { SubmittingAt = At, UpdatedAt = At });
        }

        using (var edit = new SqliteConnection($"Data Source={JournalPath};Pooling=False"))
        {
            edit.Open();
            using var update = edit.CreateCommand();
            update.CommandText = "UPDATE photon_batch_item SET submitting_at = '2026-11-23T13:30:00+01:00', updated_at = '2026-11-23 12:00:05Z';";
            update.ExecuteNonQuery();
        }

        await using var reopened = new SqliteBatchJournal(JournalPath);
        var entry = Assert.Single(await reopened.OpenAsync(Batch));

        Assert.Equal(At.AddMinutes(30), entry.SubmittingAt);
        Assert.Equal(At.AddSeconds(5), entry.UpdatedAt);
    }

    [Fact]
    public async Task A_state_this_version_does_not_know_is_refused_naming_the_item_and_the_state()
    {
        await using (var journal = new SqliteBatchJournal(JournalPath))
        {
            await journal.OpenAsync(Batch);
            await journal.WriteAsync(new PhotonBatchJournalEntry("line-1", PhotonBatchItemState.Saved) { UpdatedAt = At });
            await journal.WriteAsync(new PhotonBatchJournalEntry("line-2", PhotonBatchItemState.Saved) { UpdatedAt = At });
        }

        using (var edit = new SqliteConnection($"Data Source={JournalPath};Pooling=False"))
        {
            edit.Open();
            using var update = edit.CreateCommand();
            update.CommandText = "UPDATE photon_batch_item SET state = 'archived' WHERE key = 'line-2';";
            update.ExecuteNonQuery();
        }

        await using var reopened = new SqliteBatchJournal(JournalPath);
        var error = await Assert.ThrowsAsync<PhotonBatchJournalException>(() => reopened.OpenAsync(Batch).AsTask());

        Assert.Equal(PhotonBatchJournalProblem.Foreign, error.Problem);
        Assert.Contains("records item 'line-2' in a state this SDK does not know ('archived')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_is_a_new_journal()
    {
        await File.WriteAllBytesAsync(JournalPath, []);
        await using var journal = new SqliteBatchJournal(JournalPath);

        Assert.Empty(await journal.OpenAsync(Batch));
    }

    [Fact]
    public async Task A_file_that_is_not_SQLite_is_refused_by_name_and_left_as_it_was()
    {
        var bytes = "prompt one\nprompt two\n"u8.ToArray();
        await File.WriteAllBytesAsync(JournalPath, bytes);
        await using var journal = new SqliteBatchJournal(JournalPath);

        var error = await Assert.ThrowsAsync<PhotonBatchJournalException>(() => journal.OpenAsync(Batch).AsTask());

        Assert.Equal(PhotonBatchJournalProblem.Corrupt, error.Problem);
        Assert.Equal(JournalPath, error.Location);
        Assert.Contains(JournalPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(JournalPath));
    }

    [Fact]
    public async Task A_damaged_journal_is_refused_and_not_started_over()
    {
        await using (var journal = new SqliteBatchJournal(JournalPath))
        {
            await journal.OpenAsync(Batch);
            for (var i = 0; i < 200; i++) await journal.WriteAsync(new PhotonBatchJournalEntry($"item-{i}", PhotonBatchItemState.Submitted) { PredictionId = new string('a', 32), UpdatedAt = At });
        }

        // Keep SQLite's header, overwrite the pages after the first.
        var bytes = await File.ReadAllBytesAsync(JournalPath);
        Assert.True(bytes.Length > 8192, "the journal spans several pages");
        new Random(3).NextBytes(bytes.AsSpan(4096, bytes.Length - 4096));
        await File.WriteAllBytesAsync(JournalPath, bytes);
        await using var damaged = new SqliteBatchJournal(JournalPath);

        var error = await Assert.ThrowsAsync<PhotonBatchJournalException>(() => damaged.OpenAsync(Batch).AsTask());

        Assert.Equal(PhotonBatchJournalProblem.Corrupt, error.Problem);
        Assert.Contains(JournalPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(JournalPath));
    }

    [Fact]
    public async Task A_SQLite_file_of_something_else_is_refused_as_foreign()
    {
        using (var other = new SqliteConnection($"Data Source={JournalPath};Pooling=False"))
        {
            other.Open();
            using var create = other.CreateCommand();
            create.CommandText = "CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('Ada');";
            create.ExecuteNonQuery();
        }

        var before = await File.ReadAllBytesAsync(JournalPath);
        await using var journal = new SqliteBatchJournal(JournalPath);

        var error = await Assert.ThrowsAsync<PhotonBatchJournalException>(() => journal.OpenAsync(Batch).AsTask());

        Assert.Equal(PhotonBatchJournalProblem.Foreign, error.Problem);
        Assert.Contains($"{JournalPath} is a SQLite database but not a Photon batch journal", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(JournalPath));
    }

    [Fact]
    public async Task A_journal_of_another_schema_version_is_refused()
    {
        await using (var journal = new SqliteBatchJournal(JournalPath)) await journal.OpenAsync(Batch);
        using (var other = new SqliteConnection($"Data Source={JournalPath};Pooling=False"))
        {
            other.Open();
            using var bump = other.CreateCommand();
            bump.CommandText = "PRAGMA user_version = 2;";
            bump.ExecuteNonQuery();
        }

        await using var newer = new SqliteBatchJournal(JournalPath);
        var error = await Assert.ThrowsAsync<PhotonBatchJournalException>(() => newer.OpenAsync(Batch).AsTask());

        Assert.Equal(PhotonBatchJournalProblem.Foreign, error.Problem);
        Assert.Contains("schema version 2; this SDK reads version 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_journal_of_another_batch_is_refused()
    {
        await using (var journal = new SqliteBatchJournal(JournalPath))
        {
            await journal.OpenAsync(Batch);
            await journal.WriteAsync(new PhotonBatchJournalEntry("line-1", PhotonBatchItemState.Submitted) { PredictionId = "p1", UpdatedAt = At });
        }

        var other = new PhotonBatchDescriptor("ffff" + Batch.Id[4..], 4);
        await using var reopened = new SqliteBatchJournal(JournalPath);
        var error = await Assert.ThrowsAsync<PhotonBatchJournalException>(() => reopened.OpenAsync(other).AsTask());

        Assert.Equal(PhotonBatchJournalProblem.OtherBatch, error.Problem);
        Assert.Contains($"belongs to batch {Batch.Id[..12]} of 3 items, not to this batch ffff{Batch.Id[4..12]} of 4 items", error.Message, StringComparison.Ordinal);
        // Still the first batch's, entries and all.
        await reopened.DisposeAsync();
        await using var again = new SqliteBatchJournal(JournalPath);
        Assert.Single(await again.OpenAsync(Batch));
    }

    [Fact]
    public async Task A_second_journal_on_an_open_file_is_refused_until_the_first_closes()
    {
        var first = new SqliteBatchJournal(JournalPath);
        await first.OpenAsync(Batch);
        await first.WriteAsync(new PhotonBatchJournalEntry("line-1", PhotonBatchItemState.Submitting) { UpdatedAt = At });

        await using var second = new SqliteBatchJournal(JournalPath);
        var error = await Assert.ThrowsAsync<PhotonBatchJournalException>(() => second.OpenAsync(Batch).AsTask());
        // A plain SQLite connection cannot read it either while the batch holds it.
        using var reader = new SqliteConnection($"Data Source={JournalPath};Pooling=False;Default Timeout=1");
        reader.Open();
        using var count = reader.CreateCommand();
        count.CommandText = "SELECT count(*) FROM photon_batch_item;";
        var locked = Assert.Throws<SqliteException>(() => count.ExecuteScalar());
        await first.DisposeAsync();
        await using var third = new SqliteBatchJournal(JournalPath);
        var entries = await third.OpenAsync(Batch);

        Assert.Equal(PhotonBatchJournalProblem.InUse, error.Problem);
        Assert.Contains($"The batch journal {JournalPath} is open in another process", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, locked.SqliteErrorCode);
        Assert.Equal(PhotonBatchItemState.Submitting, Assert.Single(entries).State);
    }

    [Fact]
    public async Task A_full_disk_fails_the_write_with_a_clear_error_and_keeps_what_was_written()
    {
        var written = 0;
        PhotonBatchJournalException? error = null;
        await using (var journal = new SqliteBatchJournal(JournalPath) { MaxPageCount = 8 })
        {
            await journal.OpenAsync(Batch);
            try
            {
                for (; written < 10_000; written++)
                {
                    await journal.WriteAsync(new PhotonBatchJournalEntry($"item-{written:00000}", PhotonBatchItemState.Submitted)
                    {
                        PredictionId = Guid.NewGuid().ToString("N"), Error = new string('x', 200), UpdatedAt = At,
                    });
                }
            }
            catch (PhotonBatchJournalException e)
            {
                error = e;
            }
        }

        await using var reopened = new SqliteBatchJournal(JournalPath);
        var entries = await reopened.OpenAsync(Batch);

        Assert.NotNull(error);
        Assert.Equal(PhotonBatchJournalProblem.Unwritable, error.Problem);
        Assert.Contains($"The batch journal {JournalPath} could not be written", error.Message, StringComparison.Ordinal);
        Assert.Contains("full", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.InRange(written, 1, 9_999);
        Assert.Equal(written, entries.Count);
    }

    [Fact]
    public async Task Writes_made_at_once_are_each_on_disk_when_they_return()
    {
        const int Writes = 4_000;
        await using (var journal = new SqliteBatchJournal(JournalPath))
        {
            await journal.OpenAsync(Batch);
            await Parallel.ForAsync(0, Writes, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, token) =>
                await journal.WriteAsync(new PhotonBatchJournalEntry($"item-{i:00000}", PhotonBatchItemState.Submitted) { PredictionId = $"pred-{i}", UpdatedAt = At }, token));
        }

        await using var reopened = new SqliteBatchJournal(JournalPath);
        var entries = await reopened.OpenAsync(Batch);

        Assert.Equal(Enumerable.Range(0, Writes).Select(i => $"pred-{i}"), entries.OrderBy(e => e.Key).Select(e => e.PredictionId));
    }

    [Fact]
    public async Task Writes_made_while_a_transaction_is_under_way_share_the_next_one()
    {
        const int Waiting = 3_999;
        await using (var journal = new SqliteBatchJournal(JournalPath))
        {
            await journal.OpenAsync(Batch);
            var (first, queued) = await QueueBehindAHeldTransaction(journal, Waiting, i => new PhotonBatchJournalEntry($"item-{i:00000}", PhotonBatchItemState.Submitted) { PredictionId = $"pred-{i}", UpdatedAt = At });
            await first;
            await Task.WhenAll(queued);

            Assert.Equal(2, journal.Transactions);
        }

        await using var reopened = new SqliteBatchJournal(JournalPath);
        var entries = await reopened.OpenAsync(Batch);

        Assert.Equal(Enumerable.Range(0, Waiting + 1).Select(i => $"pred-{i}"), entries.OrderBy(e => e.Key).Select(e => e.PredictionId));
    }

    [Fact]
    public async Task When_a_shared_transaction_fails_on_a_full_disk_none_of_its_writes_is_recorded_and_every_other_is()
    {
        const int Waiting = 1_999;
        Task first;
        IReadOnlyList<Task> queued;
        await using (var journal = new SqliteBatchJournal(JournalPath) { MaxPageCount = 16 })
        {
            await journal.OpenAsync(Batch);
            (first, queued) = await QueueBehindAHeldTransaction(journal, Waiting, i => new PhotonBatchJournalEntry($"item-{i:00000}", PhotonBatchItemState.Submitted) { Error = new string('x', 200), UpdatedAt = At });
            await first;
            var refused = await Task.WhenAll(queued.Select(async write => await Assert.ThrowsAsync<PhotonBatchJournalException>(() => write)));

            Assert.All(refused, e => Assert.Equal(PhotonBatchJournalProblem.Unwritable, e.Problem));
            Assert.Single(refused.Distinct());
            Assert.Equal(2, journal.Transactions);
        }

        await using var reopened = new SqliteBatchJournal(JournalPath);
        var entries = await reopened.OpenAsync(Batch);

        Assert.Equal(["item-00000"], entries.Select(e => e.Key));
    }

    /// <summary>
    /// Starts one write and holds its transaction open until <paramref name="waiting"/> more writes have been made, so
    /// that those all wait for the next transaction whatever the machine's threads do.
    /// </summary>
    private static async Task<(Task First, IReadOnlyList<Task> Queued)> QueueBehindAHeldTransaction(
        SqliteBatchJournal journal, int waiting, Func<int, PhotonBatchJournalEntry> entry)
    {
        // Bounds a wait that a broken journal would make endless; nothing here is timed.
        var stuck = TimeSpan.FromMinutes(1);
        using var started = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var held = 0;
        journal.TransactionStarting = () =>
        {
            if (Interlocked.Exchange(ref held, 1) != 0) return;
            started.Release();
            Assert.True(release.Wait(stuck), "The test never let the held transaction go.");
        };

        var first = Task.Run(() => journal.WriteAsync(entry(0)).AsTask());
        Assert.True(await started.WaitAsync(stuck), "The first write never started a transaction.");
        var queued = Enumerable.Range(1, waiting).Select(i => journal.WriteAsync(entry(i)).AsTask()).ToList();
        Assert.All(queued, write => Assert.False(write.IsCompleted));
        release.Release();
        await first;
        return (first, queued);
    }

    [Fact]
    public async Task A_folder_where_the_file_should_be_is_refused()
    {
        Directory.CreateDirectory(JournalPath);
        await using var journal = new SqliteBatchJournal(JournalPath);

        var error = await Assert.ThrowsAsync<PhotonBatchJournalException>(() => journal.OpenAsync(Batch).AsTask());

        Assert.Equal(PhotonBatchJournalProblem.Unwritable, error.Problem);
        Assert.Contains("is a folder", error.Message, StringComparison.Ordinal);
    }
}
