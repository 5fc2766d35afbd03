using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PhotonSdk.Batch.Sqlite;

/// <summary>
/// Reads every item's row when a journal opens. A resume of 100,000 items reads 1.1 million values, so the rows are
/// read through SQLite's own API from the bytes as they lie: times, amounts and states are parsed from UTF-8 without a
/// string in between, and the few model ids are not allocated again for every row. Through the ADO.NET reader the same
/// read took most of the time a resume spends before its first request.
/// </summary>
internal static class JournalReader
{
    private const int Key = 0, State = 1, SubmittingAt = 2, PredictionId = 3, ModelId = 4, CostUsd = 5, SpentUsd = 6, OutputUrl = 7, SavedTo = 8, Error = 9, UpdatedAt = 10;

    private static readonly (byte[] Name, PhotonBatchItemState State)[] States =
        [.. Enum.GetValues<PhotonBatchItemState>().Select(s => (Encoding.UTF8.GetBytes(JournalRows.StateName(s)), s))];

    public static IReadOnlyCollection<PhotonBatchJournalEntry> ReadAll(SqliteConnection connection, string path)
    {
        var database = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(database, $"SELECT {JournalRows.Columns} FROM photon_batch_item;", out sqlite3_stmt statement);
        SqliteException.ThrowExceptionForRC(rc, database);
        using (statement)
        {
            var entries = new List<PhotonBatchJournalEntry>();
            var models = new ModelIds();
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var key = Text(statement, Key)!;
                if (!TryState(raw.sqlite3_column_blob(statement, State), out var state))
                {
                    throw new PhotonBatchJournalException(
                        PhotonBatchJournalProblem.Foreign,
                        path,
                        $"The batch journal {path} records item '{key}' in a state this SDK does not know ('{Text(statement, State)}'); a newer version wrote it.");
                }

                entries.Add(new PhotonBatchJournalEntry(key, state)
                {
                    SubmittingAt = Time(statement, SubmittingAt),
                    PredictionId = Text(statement, PredictionId),
                    ModelId = IsNull(statement, ModelId) ? null : models.Of(raw.sqlite3_column_blob(statement, ModelId)),
                    CostUsd = Amount(statement, CostUsd),
                    SpentUsd = Amount(statement, SpentUsd) ?? 0,
                    OutputUrl = Text(statement, OutputUrl),
                    SavedTo = Text(statement, SavedTo),
                    Error = Text(statement, Error),
                    UpdatedAt = Time(statement, UpdatedAt) ?? default,
                });
            }

            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, database);
            return entries;
        }
    }

    private static bool IsNull(sqlite3_stmt statement, int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

    private static string? Text(sqlite3_stmt statement, int column) =>
        IsNull(statement, column) ? null : Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, column));

    /// <summary>A time as written (round-trip "O" text); other ISO 8601 text, from a hand-edited file say, still reads.</summary>
    private static DateTimeOffset? Time(sqlite3_stmt statement, int column)
    {
        if (IsNull(statement, column)) return null;
        var bytes = raw.sqlite3_column_blob(statement, column);
        return Utf8Parser.TryParse(bytes, out DateTimeOffset time, out var used, 'O') && used == bytes.Length
            ? time
            : DateTimeOffset.Parse(Encoding.UTF8.GetString(bytes), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }

    /// <summary>An amount as exact decimal text.</summary>
    private static decimal? Amount(sqlite3_stmt statement, int column)
    {
        if (IsNull(statement, column)) return null;
        var bytes = raw.sqlite3_column_blob(statement, column);
        return Utf8Parser.TryParse(bytes, out decimal amount, out var used) && used == bytes.Length
            ? amount
            : decimal.Parse(Encoding.UTF8.GetString(bytes), NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    private static bool TryState(ReadOnlySpan<byte> name, out PhotonBatchItemState state)
    {
        foreach (var (candidate, value) in States)
        {
            if (name.SequenceEqual(candidate))
            {
                state = value;
                return true;
            }
        }

        state = default;
        return false;
    }

    /// <summary>A batch uses a handful of models: each id is made once and handed out again for every row that names it.</summary>
    private sealed class ModelIds
    {
        private readonly List<(byte[] Bytes, string Id)> _known = [];

        public string Of(ReadOnlySpan<byte> bytes)
        {
            foreach (var (known, id) in _known)
            {
                if (bytes.SequenceEqual(known)) return id;
            }

            var made = Encoding.UTF8.GetString(bytes);
            _known.Add((bytes.ToArray(), made));
            return made;
        }
    }
}
