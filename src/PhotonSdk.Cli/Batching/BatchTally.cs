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

    public static BatchTally Of(int total, IEnumerable<PhotonBatchResult> results)
    {
        int saved = 0, earlier = 0, failed = 0, notSaved = 0, uncertain = 0, skipped = 0, running = 0, cancelled = 0;
        decimal billed = 0;
        foreach (var result in results)
        {
            billed += BatchLedger.BilledUsd(result);
            switch (result.Outcome)
            {
                case PhotonBatchOutcome.Saved or PhotonBatchOutcome.Completed:
                    saved++;
                    if (result.DoneEarlier) earlier++;
                    break;
                case PhotonBatchOutcome.SaveFailed: notSaved++; break;
                case PhotonBatchOutcome.Uncertain: uncertain++; break;
                case PhotonBatchOutcome.SkippedByBudget: skipped++; break;
                case PhotonBatchOutcome.StillRunning: running++; break;
                case PhotonBatchOutcome.Cancelled: cancelled++; break;
                default: failed++; break;
            }
        }

        return new BatchTally(total, saved, earlier, failed, notSaved, uncertain, skipped, running, cancelled, billed);
    }
}
