using PhotonSdk.Batch;

namespace PhotonSdk.Cli.Batching;

/// <summary>A batch's counts at one moment: what is saved, failed, uncertain, stopped or not yet run, and what was billed.</summary>
internal sealed record BatchTally(
    int Total, int Saved, int SavedEarlier, int Failed, int NotSaved, int Uncertain, int SkippedByBudget, int StillRunning, int Cancelled, decimal BilledUsd)
{
    /// <summary>Rows with a result of any kind.</summary>
    public int Finished => Saved + Failed + NotSaved + Uncertain + SkippedByBudget + StillRunning + Cancelled;

    /// <summary>Rows without a result yet: in flight, or never started.</summary>
    public int NotRun => Total - Finished;

    /// <summary>Rows that did not end with an image in the folder.</summary>
    public int WithoutImage => Finished - Saved;

    public static BatchTally Of(int total, IEnumerable<PhotonBatchResult> results) =>
        results.Aggregate(new BatchTally(total, 0, 0, 0, 0, 0, 0, 0, 0, 0), (tally, result) => tally.With(result));

    /// <summary>The counts with one more result.</summary>
    public BatchTally With(PhotonBatchResult result) => Count(result, +1);

    /// <summary>The counts without a result counted before (a row's result replaced by a later one).</summary>
    public BatchTally Without(PhotonBatchResult result) => Count(result, -1);

    private BatchTally Count(PhotonBatchResult result, int sign)
    {
        ArgumentNullException.ThrowIfNull(result);
        var billed = BilledUsd + (sign * BatchLedger.BilledUsd(result));
        return result.Outcome switch
        {
            PhotonBatchOutcome.Saved or PhotonBatchOutcome.Completed =>
                this with { Saved = Saved + sign, SavedEarlier = SavedEarlier + (result.DoneEarlier ? sign : 0), BilledUsd = billed },
            PhotonBatchOutcome.SaveFailed => this with { NotSaved = NotSaved + sign, BilledUsd = billed },
            PhotonBatchOutcome.Uncertain => this with { Uncertain = Uncertain + sign, BilledUsd = billed },
            PhotonBatchOutcome.SkippedByBudget => this with { SkippedByBudget = SkippedByBudget + sign, BilledUsd = billed },
            PhotonBatchOutcome.StillRunning => this with { StillRunning = StillRunning + sign, BilledUsd = billed },
            PhotonBatchOutcome.Cancelled => this with { Cancelled = Cancelled + sign, BilledUsd = billed },
            _ => this with { Failed = Failed + sign, BilledUsd = billed },
        };
    }
}
