using Microsoft.Data.Sqlite;

namespace PhotonSdk.Batch.Sqlite;

/// <summary>
/// A batch journal in a SQLite file (WAL mode, every write synced before it returns), so that a batch cut off at any
/// point (Ctrl+C, a crash, a power cut after the write) resumes without submitting anything twice. One process at a
/// time: the file is locked while the journal is open, and a second journal on it is refused at once.
/// </summary>
/// <remarks>
/// <para>
/// The file records the batch it was created for (<see cref="PhotonBatchDescriptor.Id"/>) and refuses any other; a file
/// that is not a SQLite database, or a database that is not a batch journal of this schema, is refused with a
/// <see cref="PhotonBatchJournalException"/> that names it. Nothing is ever started over silently: delete the file to
/// start a batch afresh.
/// </para>
/// <para>
/// Writes made while another is being synced are committed together in one transaction, with one sync (a group
/// commit): each still returns only once its entry is on disk, but a batch with thousands of items in flight is not
/// held to one disk sync per write. When such a transaction fails (the disk is full), every write in it fails and none
/// of its entries is recorded.
/// </para>
/// <para>
/// Tables: <c>photon_batch</c> (one row: the batch id, its item count, when it was created) and
/// <c>photon_batch_item</c> (one row per item the batch has touched: its key, state and what is known with it), marked by
/// the database's <c>application_id</c> and <c>user_version</c>. Readable with any SQLite tool.
/// </para>
/// </remarks>
public sealed class SqliteBatchJournal : IPhotonBatchJournal, IAsyncDisposable, IDisposable
{
    /// <summary>The version of the tables this journal writes and reads (the database's <c>user_version</c>).</summary>
    public const int SchemaVersion = JournalSchema.Version;

    // The file: one transaction at a time, and none while the journal opens or closes. Taken before _gate.
    private readonly Lock _file = new();

    // The queue of writes and the journal's state.
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _upsert;
    private List<PendingWrite> _queued = [];
    private bool _writing;
    private bool _disposed;

    /// <summary>A journal in the file at <paramref name="path"/>, created when the batch is first opened. Opens nothing yet.</summary>
    /// <param name="path">The file, e.g. <c>photon-output/batch.photon-journal</c>; its folder must exist.</param>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    public SqliteBatchJournal(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The journal's file, as a full path.</summary>
    public string Path { get; }

    /// <summary>Limits the database's size in pages, as a full disk would; tests only.</summary>
    internal int? MaxPageCount { get; init; }

    /// <summary>How many transactions have been committed or tried; tests only.</summary>
    internal int Transactions { get; private set; }

    /// <summary>Runs as each transaction starts, under the file's lock, so that a test can hold one open while others queue; tests only.</summary>
    internal Action? TransactionStarting { get; set; }

    /// <inheritdoc />
    /// <exception cref="PhotonBatchJournalException">
    /// The file is not a SQLite database or is damaged (<see cref="PhotonBatchJournalProblem.Corrupt"/>), is a database
    /// but not a batch journal of this schema (<see cref="PhotonBatchJournalProblem.Foreign"/>), belongs to another
    /// batch (<see cref="PhotonBatchJournalProblem.OtherBatch"/>), is open elsewhere
    /// (<see cref="PhotonBatchJournalProblem.InUse"/>) or cannot be created or written
    /// (<see cref="PhotonBatchJournalProblem.Unwritable"/>).
    /// </exception>
    public ValueTask<IReadOnlyCollection<PhotonBatchJournalEntry>> OpenAsync(PhotonBatchDescriptor batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_file)
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_connection is not null) throw new InvalidOperationException($"The journal {Path} is already open.");
            }

            JournalFile.CheckHeader(Path);
            var connection = new SqliteConnection(JournalFile.ConnectionString(Path));
            try
            {
                var entries = JournalFile.Open(connection, Path, batch, MaxPageCount);
                var upsert = JournalRows.PrepareUpsert(connection);
                lock (_gate)
                {
                    _connection = connection;
                    _upsert = upsert;
                }

                return ValueTask.FromResult(entries);
            }
            catch (SqliteException e)
            {
                connection.Dispose();
                throw JournalFile.Problem(e, Path, "opened");
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="PhotonBatchJournalException">The entry could not be written (<see cref="PhotonBatchJournalProblem.Unwritable"/>: the disk is full, say).</exception>
    public ValueTask WriteAsync(PhotonBatchJournalEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var write = new PendingWrite(entry);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_upsert is null) throw new InvalidOperationException("Open the journal before writing to it.");
            _queued.Add(write);

            // A transaction is under way: this entry goes into the next one, which whoever writes now will commit.
            if (_writing) return new ValueTask(write.Task);
            _writing = true;
        }

        WriteQueued(handOff: true);
        return new ValueTask(write.Task);
    }

    /// <summary>Closes the file and releases its lock; writes already accepted are recorded first.</summary>
    public void Dispose()
    {
        lock (_file)
        {
            List<PendingWrite> left;
            lock (_gate)
            {
                if (_disposed) return;
                _disposed = true;
                left = _queued;
                _queued = [];
            }

            if (left.Count > 0) Commit(left);
            _upsert?.Dispose();
            _connection?.Dispose();
            _upsert = null;
            _connection = null;
        }
    }

    /// <summary>Closes the file and releases its lock; writes already accepted are recorded first.</summary>
    /// <returns>A task that ends when the file is closed.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Commits what is queued, a transaction at a time, until nothing is. The caller that found no transaction under way
    /// commits the first, which holds its own entry, inline; when more queued meanwhile, the rest are committed on the
    /// thread pool, so that this caller goes on at once.
    /// </summary>
    private void WriteQueued(bool handOff)
    {
        while (true)
        {
            lock (_file)
            {
                List<PendingWrite> group;
                lock (_gate)
                {
                    if (_queued.Count == 0)
                    {
                        _writing = false;
                        return;
                    }

                    group = _queued;
                    _queued = [];
                }

                Commit(group);
            }

            if (!handOff) continue;
            lock (_gate)
            {
                if (_queued.Count == 0)
                {
                    _writing = false;
                    return;
                }
            }

            ThreadPool.UnsafeQueueUserWorkItem(static journal => journal.WriteQueued(handOff: false), this, preferLocal: false);
            return;
        }
    }

    /// <summary>Writes a group of entries in one transaction, then tells each writer how it went. Called under the file's lock.</summary>
    private void Commit(List<PendingWrite> group)
    {
        Exception? failure = null;
        try
        {
            ObjectDisposedException.ThrowIf(_connection is null || _upsert is null, this);
            Transactions++;
            TransactionStarting?.Invoke();
            JournalRows.WriteAll(_connection!, _upsert!, group.ConvertAll(w => w.Entry));
        }
        catch (SqliteException e)
        {
            failure = JournalFile.Problem(e, Path, "written");
        }
#pragma warning disable CA1031 // Whatever went wrong belongs to the writers waiting on this group; the thread that commits must not die of it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = e;
        }

        foreach (var write in group)
        {
            if (failure is null) write.TrySetResult();
            else write.TrySetException(failure);
        }
    }

    /// <summary>An entry waiting for its transaction; its writer goes on elsewhere once it is durable, not on the thread that committed it.</summary>
    private sealed class PendingWrite(PhotonBatchJournalEntry entry) : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public PhotonBatchJournalEntry Entry { get; } = entry;
    }
}
