using PhotonSdk.Batch;

namespace PhotonSdk.LoadHarness;

/// <summary>The figures of one journal-resume run.</summary>
/// <param name="Items">Items in the batch and rows (nearly) in its journal.</param>
/// <param name="JournalBytes">The journal's files on disk.</param>
/// <param name="BuildTime">Making the journal (predictions created, rows written); not part of the resume.</param>
/// <param name="OpenAndPlan">PhotonBatch.OpenAsync on a new SqliteBatchJournal, up to the plan in hand.</param>
/// <param name="Plan">What the resume found.</param>
/// <param name="FirstResult">From the start of the run to its first result.</param>
/// <param name="RunTime">From the start of the run to its last result.</param>
/// <param name="Outcomes">Results by outcome.</param>
/// <param name="PredictionsCreated">Predictions the resume created: only the items nothing was created for before.</param>
/// <param name="Posts">POST requests of the resume (submits and history pages).</param>
/// <param name="HeapHeldByBatch">Managed heap the opened batch holds (its items, routes and journal entries).</param>
/// <param name="PeakRetainedWhileStreamingMb">Most memory held at once while streaming, above the opened batch, the emulator's share taken out.</param>
/// <param name="PeakHeapWhileStreamingMb">Highest managed heap while streaming, garbage included, above the opened batch; client and emulator.</param>
/// <param name="PeakWorkingSetWhileStreamingMb">Highest working set while streaming, above the opened batch; client and emulator.</param>
/// <param name="Error">How the run ended early, if it did.</param>
internal sealed record JournalResumeResult(
    int Items,
    long JournalBytes,
    TimeSpan BuildTime,
    TimeSpan OpenAndPlan,
    PhotonBatchPlan Plan,
    TimeSpan FirstResult,
    TimeSpan RunTime,
    IReadOnlyDictionary<PhotonBatchOutcome, int> Outcomes,
    long PredictionsCreated,
    long Posts,
    long HeapHeldByBatch,
    double PeakRetainedWhileStreamingMb,
    double PeakHeapWhileStreamingMb,
    double PeakWorkingSetWhileStreamingMb,
    string? Error)
{
    public bool Passed => OpenAndPlan <= JournalResumeMode.OpenBound && Error is null && Outcomes.Values.Sum() == Items;
}
