namespace PhotonSdk.Emulator.RateLimiting;

/// <summary>The limits of one account level, from the API reference's table (images and max concurrency).</summary>
/// <param name="ImagesPerMinute">Image submits accepted in any 60 seconds; more are answered 429.</param>
/// <param name="MaxConcurrency">Predictions running at once; more wait in <c>created</c> until one finishes.</param>
internal sealed record TierLimits(int ImagesPerMinute, int MaxConcurrency)
{
    /// <summary>The limits of <paramref name="tier"/>, or null when it sets none.</summary>
    public static TierLimits? For(RateLimitTier tier) => tier switch
    {
        RateLimitTier.Bronze => new TierLimits(2, 2),
        RateLimitTier.Silver => new TierLimits(500, 300),
        RateLimitTier.Gold => new TierLimits(3_000, 3_000),
        RateLimitTier.Ultra => new TierLimits(5_000, 10_000),
        _ => null,
    };
}
