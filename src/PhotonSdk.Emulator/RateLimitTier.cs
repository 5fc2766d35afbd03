namespace PhotonSdk.Emulator;

/// <summary>
/// A WaveSpeed account level, which sets how many images a minute may be submitted and how many predictions run at
/// once (the API reference's rate-limit table).
/// </summary>
public enum RateLimitTier
{
    /// <summary>No rate limit and no concurrency limit: the emulator's default.</summary>
    None = 0,

    /// <summary>The default account level: 2 images a minute, 2 running at once.</summary>
    Bronze,

    /// <summary>500 images a minute, 300 running at once.</summary>
    Silver,

    /// <summary>3,000 images a minute, 3,000 running at once.</summary>
    Gold,

    /// <summary>5,000 images a minute, 10,000 running at once.</summary>
    Ultra,
}
