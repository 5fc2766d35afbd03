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
/// Tables: <c>photon_batch</c> (one row: the batch id, its item count, when it was created) and
/// <c>photon_batch_item</c> (one row per item the batch has touched: its key, state and what is known with it), marked by
/// the database's <c>application_id</c> and <c>user_version</c>. Readable with any SQLite tool.
/// </para>
/// </remarks>
public sealed class SqliteBatchJournal : IPhotonBatchJournal, IAsyncDisposable, IDisposable
{
    /// <summary>The version of the tables this journal writes and reads (the database's <c>user_version</c>).</summary>
    public const int SchemaVersion = JournalSchema.Version;

    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _upsert;
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
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is not null) throw new InvalidOperationException($"The journal {Path} is already open.");
            JournalFile.CheckHeader(Path);
            var connection = new SqliteConnection(JournalFile.ConnectionString(Path));
            try
            {
                var entries = JournalFile.Open(connection, Path, batch, MaxPageCount);
                _connection = connection;
                _upsert = JournalRows.PrepareUpsert(connection);
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
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var upsert = _upsert ?? throw new InvalidOperationException("Open the journal before writing to it.");
            try
            {
                JournalRows.Write(upsert, entry);
            }
            catch (SqliteException e)
            {
                throw JournalFile.Problem(e, Path, "written");
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Closes the file and releases its lock.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _upsert?.Dispose();
            _connection?.Dispose();
            _upsert = null;
            _connection = null;
        }
    }

    /// <summary>Closes the file and releases its lock.</summary>
    /// <returns>A task that ends when the file is closed.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
