namespace PhotonSdk.Orleans.Pacing;

/// <summary>The limiter's checkpoint: the times that still count, and how many were handed out in the second before it.</summary>
[GenerateSerializer]
[Alias("PhotonSdk.Orleans.SubmitLimiterState")]
internal sealed class SubmitLimiterState
{
    [Id(0)] public DateTimeOffset[] Slots { get; set; } = [];
    [Id(1)] public int GrantedSinceLastCheckpoint { get; set; }
    [Id(2)] public DateTimeOffset? PausedUntil { get; set; }
}
