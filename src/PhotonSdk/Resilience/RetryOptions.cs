namespace PhotonSdk;

/// <summary>
/// How HTTP requests are retried. Result reads are retried on 408, 429, 5xx, unreadable answers and network errors.
/// A submit is retried only when the server provably did not take it: HTTP 429, or no connection was made.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>How many times a failed request is sent again. Default 3; 0 turns retries off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay; it doubles with each attempt, with jitter. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether backoff delays are randomized so that many clients do not retry in step. Default on.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// The longest <c>Retry-After</c> the SDK honours. Default 60 seconds; a server that asks for more is waited on for
    /// this long, so that an absurd value cannot look like a hang.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The bound on one HTTP attempt. Default 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The bound on one submit in sync mode, which the server holds open until the image is ready. Default 150 seconds.</summary>
    public TimeSpan SyncAttemptTimeout { get; set; } = TimeSpan.FromSeconds(150);

    internal void Validate(string paramName)
    {
        if (MaxRetryAttempts is < 0 or > 20) throw new ArgumentException($"Retry.MaxRetryAttempts must be between 0 and 20 (was {MaxRetryAttempts}).", paramName);
        if (BaseDelay < TimeSpan.Zero) throw new ArgumentException($"Retry.BaseDelay must not be negative (was {BaseDelay}).", paramName);
        if (MaxDelay < BaseDelay) throw new ArgumentException($"Retry.MaxDelay must not be less than Retry.BaseDelay (was {MaxDelay}).", paramName);
        if (MaxRetryAfter < TimeSpan.Zero) throw new ArgumentException($"Retry.MaxRetryAfter must not be negative (was {MaxRetryAfter}).", paramName);
        if (AttemptTimeout <= TimeSpan.Zero) throw new ArgumentException($"Retry.AttemptTimeout must be positive (was {AttemptTimeout}).", paramName);
        if (SyncAttemptTimeout <= TimeSpan.Zero) throw new ArgumentException($"Retry.SyncAttemptTimeout must be positive (was {SyncAttemptTimeout}).", paramName);
    }
}
