namespace PhotonSdk;

/// <summary>The account's rate limit was reached (HTTP 429) and the SDK's retries ran out. Safe to send again later.</summary>
public sealed class PhotonRateLimitedException : PhotonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public PhotonRateLimitedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>How long the server asked to wait (its <c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
