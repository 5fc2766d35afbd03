using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PhotonSdk.Batch.Sqlite;

/// <summary>Items' entries as rows: states by name, times in ISO 8601, amounts as exact decimal text. <see cref="JournalReader"/> reads them back.</summary>
internal static class JournalRows
{
    public const string Columns = "key, state, submitting_at, prediction_id, model_id, cost_usd, spent_usd, output_url, saved_to, error, updated_at";

    public static SqliteCommand PrepareUpsert(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO photon_batch_item ({Columns})
            VALUES ($key, $state, $submitting_at, $prediction_id, $model_id, $cost_usd, $spent_usd, $output_url, $saved_to, $error, $updated_at)
            ON CONFLICT (key) DO UPDATE SET
                state = excluded.state, submitting_at = excluded.submitting_at, prediction_id = excluded.prediction_id,
                model_id = excluded.model_id, cost_usd = excluded.cost_usd, spent_usd = excluded.spent_usd,
                output_url = excluded.output_url, saved_to = excluded.saved_to, error = excluded.error, updated_at = excluded.updated_at;
            """;
        foreach (var name in Columns.Split(", ")) command.Parameters.Add(new SqliteParameter("$" + name, null));
        command.Prepare();
        return command;
    }

    /// <summary>Writes entries, in order, in one transaction; they are on disk (synced) when this returns, or none is.</summary>
    public static void WriteAll(SqliteConnection connection, SqliteCommand upsert, List<PhotonBatchJournalEntry> entries)
    {
        using var transaction = connection.BeginTransaction();
        upsert.Transaction = transaction;
        try
        {
            foreach (var entry in entries) Write(upsert, entry);
            transaction.Commit();
        }
        finally
        {
            upsert.Transaction = null;
        }
    }

    private static void Write(SqliteCommand upsert, PhotonBatchJournalEntry entry)
    {
        var p = upsert.Parameters;
        p["$key"].Value = entry.Key;
        p["$state"].Value = StateName(entry.State);
        p["$submitting_at"].Value = Text(entry.SubmittingAt);
        p["$prediction_id"].Value = (object?)entry.PredictionId ?? DBNull.Value;
        p["$model_id"].Value = (object?)entry.ModelId ?? DBNull.Value;
        p["$cost_usd"].Value = entry.CostUsd is { } cost ? cost.ToString(CultureInfo.InvariantCulture) : DBNull.Value;
        p["$spent_usd"].Value = entry.SpentUsd.ToString(CultureInfo.InvariantCulture);
        p["$output_url"].Value = (object?)entry.OutputUrl ?? DBNull.Value;
        p["$saved_to"].Value = (object?)entry.SavedTo ?? DBNull.Value;
        p["$error"].Value = (object?)entry.Error ?? DBNull.Value;
        p["$updated_at"].Value = entry.UpdatedAt.ToString("O", CultureInfo.InvariantCulture);
        upsert.ExecuteNonQuery();
    }

    public static string StateName(PhotonBatchItemState state) => state switch
    {
        PhotonBatchItemState.Pending => "pending",
        PhotonBatchItemState.Submitting => "submitting",
        PhotonBatchItemState.Submitted => "submitted",
        PhotonBatchItemState.Completed => "completed",
        PhotonBatchItemState.Saved => "saved",
        PhotonBatchItemState.Failed => "failed",
        PhotonBatchItemState.Uncertain => "uncertain",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown state."),
    };

    private static object Text(DateTimeOffset? time) => time is { } t ? t.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value;
}
