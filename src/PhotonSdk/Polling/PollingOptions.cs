using System.ComponentModel.DataAnnotations;

namespace PhotonSdk;

/// <summary>
/// How the SDK waits for a prediction. When it knows about how long the model takes (<see cref="ExpectedDurations"/>,
/// or what it has timed itself, <see cref="LearnDurations"/>), it checks at <see cref="FastInterval"/> across the span
/// in which the prediction should complete, one check falling on the expected time itself, then at a growing interval.
/// Otherwise it follows WaveSpeed's guidance for image tasks: a first check after 2 seconds, then a growing interval.
/// Either way a prediction costs no more result requests than a fixed one-second poll would send.
/// </summary>
public sealed class PollingOptions : IValidatableObject
{
    private Dictionary<string, TimeSpan> _expectedDurations = new(StringComparer.Ordinal);

    /// <summary>
    /// The wait before the first result request when nothing is known of the model's duration (a model without an
    /// expected duration, or a wait resumed from an id alone). Default 2 seconds.
    /// </summary>
    [NotNegative]
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The factor by which each interval grows over the one before. Default 1.5; 1 keeps it fixed.</summary>
    [Range(1d, double.PositiveInfinity, ErrorMessage = "{0} must be at least {1}")]
    public double Growth { get; set; } = 1.5;

    /// <summary>The longest interval between two result requests. Default 10 seconds.</summary>
    [Positive]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The overall bound on one wait, from the start of waiting. Default 10 minutes. Past it the SDK throws
    /// <see cref="PhotonWaitTimeoutException"/>, which carries the prediction id.
    /// </summary>
    [Positive]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether a client that has not timed a model yet expects its <see cref="PhotonModel.TypicalDuration"/>, unless
    /// <see cref="ExpectedDurations"/> names another. Default on. Off (with no <see cref="ExpectedDurations"/>), the
    /// first check comes after <see cref="FirstDelay"/> until the client has timed the model: for an emulator with
    /// latency scale 0, say. A wait resumed from an id alone expects nothing either way.
    /// </summary>
    public bool UseTypicalDurations { get; set; } = true;

    /// <summary>
    /// How long each model's predictions take from submit to completed, by model id, when you know better than the
    /// catalog's <see cref="PhotonModel.TypicalDuration"/>: an emulator with a latency scale, or an account whose
    /// predictions queue. Empty by default. Used until the client has timed the model itself.
    /// </summary>
    public IDictionary<string, TimeSpan> ExpectedDurations => _expectedDurations;

    /// <summary>
    /// Whether the client times each catalog model's predictions (the last few it saw complete) and, once it has,
    /// expects that instead of a typical or given duration. Default on. A wait resumed from an id alone neither uses
    /// nor feeds it.
    /// </summary>
    public bool LearnDurations { get; set; } = true;

    /// <summary>
    /// The interval between checks while a prediction is expected to complete. Default 300 milliseconds: a completion
    /// in that span is noticed within that much, while the checks stay fewer than a one-second poll sends over the
    /// whole prediction.
    /// </summary>
    [NotNegative]
    public TimeSpan FastInterval { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// The most checks sent at <see cref="FastInterval"/> for one prediction; after them, or once the expected span has
    /// passed, the interval grows from <see cref="FastInterval"/> by <see cref="Growth"/> up to <see cref="MaxDelay"/>.
    /// Default 20.
    /// </summary>
    [Range(1, 50, ErrorMessage = "{0} must be between {1} and {2}")]
    public int MaxFastPolls { get; set; } = 20;

    /// <summary>A copy, <see cref="ExpectedDurations"/> included.</summary>
    internal PollingOptions Clone()
    {
        var copy = (PollingOptions)MemberwiseClone();
        copy._expectedDurations = new Dictionary<string, TimeSpan>(_expectedDurations, StringComparer.Ordinal);
        return copy;
    }

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        foreach (var (model, duration) in _expectedDurations)
        {
            if (duration < TimeSpan.Zero || duration > Timeout)
            {
                yield return new ValidationResult(
                    $"{nameof(ExpectedDurations)}[{model}] must be between 0 and {nameof(Timeout)}, {Timeout:c} (was {duration:c})", [nameof(ExpectedDurations)]);
            }
        }
    }
}
