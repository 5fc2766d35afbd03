using System.ComponentModel.DataAnnotations;

namespace PhotonSdk;

/// <summary>
/// How the SDK waits for a prediction: a growing interval between result requests and an overall bound. WaveSpeed asks
/// for at least 2 seconds between checks of an image task, growing over time. Once the client has seen a model's
/// predictions complete, it times its checks from their typical duration instead (<see cref="LearnDurations"/>): one
/// check just before it, a few short-spaced ones around it, then the growing interval again.
/// </summary>
public sealed class PollingOptions
{
    /// <summary>The wait before the first result request. Default 2 seconds.</summary>
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
    /// Whether the client learns how long each model's predictions take (the median of the last few it saw complete)
    /// and checks near that time rather than on the growing interval. Default on. A model's first prediction on a
    /// client, and any wait resumed from an id alone, use the growing interval.
    /// </summary>
    public bool LearnDurations { get; set; } = true;

    /// <summary>
    /// The interval between checks around a prediction's learned duration; the first of them is sent half this
    /// interval before it. Default 200 milliseconds.
    /// </summary>
    [NotNegative]
    public TimeSpan FastInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The most checks sent around a learned duration, the first included; after them the growing interval resumes
    /// from <see cref="FirstDelay"/>. Default 6, which watches from just before the learned duration to about a second
    /// after it.
    /// </summary>
    [Range(1, 50, ErrorMessage = "{0} must be between {1} and {2}")]
    public int MaxFastPolls { get; set; } = 6;

    /// <summary>A copy; every property is a value, so a shallow copy is a deep one.</summary>
    internal PollingOptions Clone() => (PollingOptions)MemberwiseClone();
}
