using PhotonSdk.Batch;

namespace PhotonSdk.LoadHarness;

/// <summary>The figures of one batch-throughput run.</summary>
/// <param name="Tier">The account level, of the batch and the emulator alike.</param>
/// <param name="Prompts">Items in the batch.</param>
/// <param name="Completed">Items that ended completed.</param>
/// <param name="WallTime">From the start of the run to its last result.</param>
/// <param name="Bound">(prompts / rate + one latency of the slowest model) × 1.11: 90 % of the tier's rate.</param>
/// <param name="RateLimited">429 answers the client got, its own retries included.</param>
/// <param name="PredictionsCreated">Predictions the emulator created: one per prompt unless something was sent twice.</param>
/// <param name="FirstError">The first item that did not complete, or how the run ended early.</param>
internal sealed record BatchThroughputResult(
    PhotonAccountTier Tier,
    int Prompts,
    int Completed,
    TimeSpan WallTime,
    TimeSpan Bound,
    long RateLimited,
    long PredictionsCreated,
    string? FirstError)
{
    public double ImagesPerMinute => Completed / WallTime.TotalMinutes;

    public double ShareOfTierRate => ImagesPerMinute / Tier.ImagesPerMinute;

    public long Duplicates => Math.Max(0, PredictionsCreated - Prompts);

    public bool Passed => Completed == Prompts && WallTime <= Bound && Duplicates == 0;
}
