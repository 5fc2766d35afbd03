using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace PhotonSdk.Batch.Sqlite;

/// <summary>Opening a journal file: what it is, whether it is ours and this batch's, and the lock that keeps it to one writer.</summary>
internal static class JournalFile
{
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    // SQLite's result codes that say what went wrong with the file.
    private const int Busy = 5;
    private const int Locked = 6;
    private const int Corrupt = 11;
    private const int NotADatabase = 26;

    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        // A pooled connection would keep the file (and its lock) open after the journal is disposed.
        Pooling = false,
        // A journal held by another process is refused at once rather than waited for.
        DefaultTimeout = 1,
    }.ToString();

    /// <summary>Refuses, before SQLite touches it, a file that is not a SQLite database. An empty file is a new journal.</summary>
    public static void CheckHeader(string path)
    {
        if (Directory.Exists(path))
            throw new PhotonBatchJournalException(PhotonBatchJournalProblem.Unwritable, path, $"The batch journal {path} is a folder, not a file.");
        if (!File.Exists(path)) return;

        var header = new byte[SqliteHeader.Length];
        int read;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PhotonBatchJournalException(PhotonBatchJournalProblem.Unwritable, path, $"The batch journal {path} cannot be read: {e.Message}", e);
        }

        if (read == 0) return;
        if (read < header.Length || !header.AsSpan().SequenceEqual(SqliteHeader))
        {
            throw new PhotonBatchJournalException(
                PhotonBatchJournalProblem.Corrupt,
                path,
                $"The batch journal {path} is not a SQLite database (its first bytes are not SQLite's header): it is damaged, or another file has its name. " +
                "Nothing was changed; move it away to start the batch afresh.");
        }
    }

    /// <summary>
    /// Takes the file for this connection alone (an exclusive lock held until it closes), checks it or creates the
    /// tables, and reads every item's entry.
    /// </summary>
    public static IReadOnlyCollection<PhotonBatchJournalEntry> Open(SqliteConnection connection, string path, PhotonBatchDescriptor batch, int? maxPageCount)
    {
        connection.Open();
        // The lock is taken by the first write below and kept until the connection closes; in WAL mode with it, the
        // WAL index lives in this process's memory and no other connection can read the file either.
        Execute(connection, "PRAGMA locking_mode = EXCLUSIVE;");
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            // BEGIN IMMEDIATE takes the write lock at once: a second journal on the file fails here.
            Execute(connection, "PRAGMA quick_check;", expect: "ok", path, transaction);
            var applicationId = Scalar<long>(connection, "PRAGMA application_id;", transaction);
            var version = Scalar<long>(connection, "PRAGMA user_version;", transaction);
            var tables = Scalar<long>(connection, "SELECT count(*) FROM sqlite_master;", transaction);
            if (applicationId == 0 && tables == 0)
            {
                Create(connection, batch, transaction);
            }
            else if (applicationId != JournalSchema.ApplicationId)
            {
                throw new PhotonBatchJournalException(
                    PhotonBatchJournalProblem.Foreign,
                    path,
                    $"The file {path} is a SQLite database but not a Photon batch journal. Nothing was changed; use another file name for the journal.");
            }
            else if (version != JournalSchema.Version)
            {
                throw new PhotonBatchJournalException(
                    PhotonBatchJournalProblem.Foreign,
                    path,
                    string.Create(CultureInfo.InvariantCulture, $"The batch journal {path} has schema version {version}; this SDK reads version {JournalSchema.Version}. Nothing was changed; use the SDK version that wrote it."));
            }
            else
            {
                CheckBatch(connection, path, batch, transaction);
            }

            transaction.Commit();
        }

        Execute(connection, "PRAGMA journal_mode = WAL;", expect: "wal", path);
        Execute(connection, "PRAGMA synchronous = FULL;");
        if (maxPageCount is { } pages) Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA max_page_count = {pages};"));
        return JournalReader.ReadAll(connection, path);
    }

    /// <summary>The journal exception for a SQLite failure, naming the file and what was being done.</summary>
    public static PhotonBatchJournalException Problem(SqliteException error, string path, string doing) => (error.SqliteErrorCode & 0xFF) switch
    {
        Busy or Locked => new PhotonBatchJournalException(
            PhotonBatchJournalProblem.InUse,
            path,
            $"The batch journal {path} is open in another process (or another journal in this one): one batch run at a time may use it. Wait for the other run to end.",
            error),
        Corrupt or NotADatabase => new PhotonBatchJournalException(
            PhotonBatchJournalProblem.Corrupt,
            path,
            $"The batch journal {path} is damaged and could not be {doing} ({error.Message}). Nothing was started over; move it away to start the batch afresh.",
            error),
        _ => new PhotonBatchJournalException(
            PhotonBatchJournalProblem.Unwritable,
            path,
            $"The batch journal {path} could not be {doing}: {error.Message}",
            error),
    };

    private static void Create(SqliteConnection connection, PhotonBatchDescriptor batch, SqliteTransaction transaction)
    {
        Execute(connection, JournalSchema.Create, transaction: transaction);
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO photon_batch (singleton, batch_id, item_count, created_at) VALUES (1, $id, $count, $created);";
        insert.Parameters.AddWithValue("$id", batch.Id);
        insert.Parameters.AddWithValue("$count", batch.ItemCount);
        insert.Parameters.AddWithValue("$created", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        insert.ExecuteNonQuery();
    }

    private static void CheckBatch(SqliteConnection connection, string path, PhotonBatchDescriptor batch, SqliteTransaction transaction)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT batch_id, item_count FROM photon_batch WHERE singleton = 1;";
        using var reader = read.ExecuteReader();
        if (!reader.Read())
        {
            throw new PhotonBatchJournalException(
                PhotonBatchJournalProblem.Corrupt, path, $"The batch journal {path} does not say which batch it belongs to. Nothing was started over; move it away to start the batch afresh.");
        }

        var recorded = new PhotonBatchDescriptor(reader.GetString(0), reader.GetInt32(1));
        if (recorded.Id != batch.Id)
        {
            throw new PhotonBatchJournalException(
                PhotonBatchJournalProblem.OtherBatch,
                path,
                $"The batch journal {path} belongs to {recorded}, not to this {batch}: the items, their order, prompts or models differ. " +
                "Nothing was changed; run the batch it was made for, or give this one another journal.");
        }
    }

    [SuppressMessage("Security", "CA2100", Justification = "Only this class's constant SQL is passed; values go in parameters.")]
    private static void Execute(SqliteConnection connection, string sql, string? expect = null, string? path = null, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (expect is null)
        {
            command.ExecuteNonQuery();
            return;
        }

        var answer = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (!string.Equals(answer, expect, StringComparison.OrdinalIgnoreCase))
        {
            throw new PhotonBatchJournalException(
                expect == "ok" ? PhotonBatchJournalProblem.Corrupt : PhotonBatchJournalProblem.Unwritable,
                path!,
                expect == "ok"
                    ? $"The batch journal {path} is damaged (SQLite's check says: {answer}). Nothing was started over; move it away to start the batch afresh."
                    : $"The batch journal {path} could not be set up ({sql} answered {answer}).");
        }
    }

    [SuppressMessage("Security", "CA2100", Justification = "Only this class's constant SQL is passed.")]
    private static T Scalar<T>(SqliteConnection connection, string sql, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }
}
