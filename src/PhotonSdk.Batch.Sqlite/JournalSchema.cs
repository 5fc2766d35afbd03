using System.Globalization;

namespace PhotonSdk.Batch.Sqlite;

/// <summary>The journal's tables and the marks that tell a batch journal from any other SQLite file.</summary>
internal static class JournalSchema
{
    /// <summary>The database's <c>user_version</c>: the version of these tables.</summary>
    public const int Version = 1;

    /// <summary>The database's <c>application_id</c>: "PHTB" in ASCII.</summary>
    public const int ApplicationId = 0x50485442;

    public static readonly string Create = string.Create(CultureInfo.InvariantCulture, $"""
        CREATE TABLE photon_batch (
            singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
            batch_id TEXT NOT NULL,
            item_count INTEGER NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE photon_batch_item (
            key TEXT PRIMARY KEY NOT NULL,
            state TEXT NOT NULL,
            submitting_at TEXT,
            prediction_id TEXT,
            model_id TEXT,
            cost_usd TEXT,
            spent_usd TEXT NOT NULL,
            output_url TEXT,
            saved_to TEXT,
            error TEXT,
            updated_at TEXT NOT NULL
        ) WITHOUT ROWID;
        PRAGMA application_id = {ApplicationId};
        PRAGMA user_version = {Version};
        """);
}
