namespace PhotonSdk.Orleans.Pacing;

/// <summary>The limiter's persisted window: the submit times that still count (UTC ticks, oldest first), and the pause after a 429.</summary>
[GenerateSerializer]
[Alias("PhotonSdk.Orleans.SubmitLimiterState")]
internal sealed class SubmitLimiterState
{
    [Id(0)] public long[] SlotTicks { get; set; } = [];
    [Id(1)] public long PausedUntilTicks { get; set; }
}
