using PhotonSdk.Batch;

namespace PhotonSdk.Cli.Batching;

/// <summary>
/// Every row of a batch with what became of it so far: the result the run gave for it, or none yet. The manifest, the
/// contact sheet, the progress display and the summary all read it, so they never disagree.
/// </summary>
internal sealed class BatchLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PhotonBatchResult> _results = new(StringComparer.Ordinal);

    // Kept as results arrive: the progress display asks for it after every row, and a batch may have 100,000 of them.
    private BatchTally _tally;

    public BatchLedger(IReadOnlyList<BatchRow> rows, string folder)
    {
        Rows = rows;
        Folder = folder;
        _tally = BatchTally.Of(rows.Count, []);
    }

    /// <summary>The rows, in file order.</summary>
    public IReadOnlyList<BatchRow> Rows { get; }

    /// <summary>The output folder, where the images, the journal, the manifest and the contact sheet are.</summary>
    public string Folder { get; }

    public void Add(PhotonBatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_gate)
        {
            if (_results.TryGetValue(result.Key, out var earlier)) _tally = _tally.Without(earlier);
            _results[result.Key] = result;
            _tally = _tally.With(result);
        }
    }

    public PhotonBatchResult? ResultOf(BatchRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        lock (_gate) return _results.GetValueOrDefault(row.Key);
    }

    /// <summary>The counts, as of now.</summary>
    public BatchTally Tally()
    {
        lock (_gate) return _tally;
    }

    /// <summary>The status word of a row in the manifest and the contact sheet.</summary>
    public static string StatusOf(PhotonBatchResult? result) => result?.Outcome switch
    {
        null => "pending",
        PhotonBatchOutcome.Saved => "saved",
        PhotonBatchOutcome.Completed => "completed",
        PhotonBatchOutcome.SaveFailed => "not_saved",
        PhotonBatchOutcome.Failed => "failed",
        PhotonBatchOutcome.Uncertain => "uncertain",
        PhotonBatchOutcome.SkippedByBudget => "skipped_by_budget",
        PhotonBatchOutcome.StillRunning => "still_running",
        PhotonBatchOutcome.Cancelled => "cancelled",
        _ => result.Outcome.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// What the row's prediction was billed, as far as anyone can know: the cost of a finished one (saved or not), the
    /// price of one still running or cut off while running; nothing when no prediction is known to exist.
    /// </summary>
    public static decimal BilledUsd(PhotonBatchResult? result) => result switch
    {
        null => 0,
        { Outcome: PhotonBatchOutcome.Saved or PhotonBatchOutcome.Completed or PhotonBatchOutcome.SaveFailed } => result.CostUsd ?? 0,
        { Outcome: PhotonBatchOutcome.StillRunning or PhotonBatchOutcome.Cancelled, PredictionId: not null } => result.CostUsd ?? 0,
        _ => 0,
    };
}
