using System.ComponentModel.DataAnnotations;

namespace PhotonSdk;

/// <summary>
/// How HTTP requests are retried. Result reads are retried on 408, 429, 5xx, unreadable answers and network errors.
/// A submit is retried only when the server provably did not take it: HTTP 429, or no connection was made.
/// </summary>
public sealed class RetryOptions : IValidatableObject
{
    /// <summary>How many times a failed request is sent again. Default 3; 0 turns retries off.</summary>
    [Range(0, 20, ErrorMessage = "{0} must be between {1} and {2}")]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay; it doubles with each attempt, with jitter. Default 1 second.</summary>
    [NotNegative]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether backoff delays are randomized so that many clients do not retry in step. Default on.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// The longest <c>Retry-After</c> the SDK honours. Default 60 seconds; a server that asks for more is waited on for
    /// this long, so that an absurd value cannot look like a hang.
    /// </summary>
    [NotNegative]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The bound on one HTTP attempt. Default 30 seconds.</summary>
    [Positive]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The bound on one submit in sync mode, which the server holds open until the image is ready. Default 150 seconds.</summary>
    [Positive]
    public TimeSpan SyncAttemptTimeout { get; set; } = TimeSpan.FromSeconds(150);

    /// <summary>A copy; every property is a value, so a shallow copy is a deep one.</summary>
    internal RetryOptions Clone() => (RetryOptions)MemberwiseClone();

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        if (MaxDelay < BaseDelay)
        {
            yield return new ValidationResult(
                $"{nameof(MaxDelay)} must not be less than {nameof(BaseDelay)}, {BaseDelay:c} (was {MaxDelay:c})", [nameof(MaxDelay)]);
        }
    }
}
