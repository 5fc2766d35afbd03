namespace PhotonSdk.Batch;

/// <summary>
/// What a batch finds when it is opened: how many items an earlier run finished, how many wait on a prediction id, how
/// many are uncertain and how many are still to be submitted, and what the earlier runs may have spent.
/// </summary>
public sealed class PhotonBatchPlan
{
    internal PhotonBatchPlan(int total, int done, int failed, int waitingOnIds, int uncertain, int toGo, decimal spentUsd, decimal costToGoUsd)
    {
        Total = total;
        Done = done;
        Failed = failed;
        WaitingOnIds = waitingOnIds;
        Uncertain = uncertain;
        ToGo = toGo;
        SpentUsd = spentUsd;
        CostToGoUsd = costToGoUsd;
    }

    /// <summary>Every item of the batch.</summary>
    public int Total { get; }

    /// <summary>Items an earlier run finished (saved, or completed when the batch does not save).</summary>
    public int Done { get; }

    /// <summary>Items that failed in an earlier run; they are reported again, not submitted again.</summary>
    public int Failed { get; }

    /// <summary>Items with a prediction id and no saved image: waited on or fetched by id, never submitted again.</summary>
    public int WaitingOnIds { get; }

    /// <summary>Items whose submit may or may not have created a prediction; looked for in the history first.</summary>
    public int Uncertain { get; }

    /// <summary>Items never submitted (or whose submits provably created nothing).</summary>
    public int ToGo { get; }

    /// <summary>What earlier runs may have been billed; a spending cap counts it as spent.</summary>
    public decimal SpentUsd { get; }

    /// <summary>
    /// What submitting the items to go would cost at catalog prices (uncertain items and earlier failures included when
    /// the options submit them again): the most a run adds to <see cref="SpentUsd"/>, before any spending cap.
    /// </summary>
    public decimal CostToGoUsd { get; }

    /// <summary>Whether the journal held anything: this run resumes an earlier one.</summary>
    public bool IsResume => Done + Failed + WaitingOnIds + Uncertain > 0 || SpentUsd > 0;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Done} done, {WaitingOnIds} waiting on ids, {Uncertain} uncertain, {ToGo} to go" + (Failed > 0 ? $", {Failed} failed" : "");
}
