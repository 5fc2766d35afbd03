namespace PhotonSdk;

/// <summary>
/// How the SDK waits for a prediction: a growing interval between result requests and an overall bound. WaveSpeed asks
/// for at least 2 seconds between checks of an image task, growing over time.
/// </summary>
public sealed class PollingOptions
{
    /// <summary>The wait before the first result request. Default 2 seconds.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The factor by which each interval grows over the one before. Default 1.5; 1 keeps it fixed.</summary>
    public double Growth { get; set; } = 1.5;

    /// <summary>The longest interval between two result requests. Default 10 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The overall bound on one wait, from the start of waiting. Default 10 minutes. Past it the SDK throws
    /// <see cref="PhotonWaitTimeoutException"/>, which carries the prediction id.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    internal void Validate(string paramName)
    {
        if (FirstDelay < TimeSpan.Zero) throw new ArgumentException($"Polling.FirstDelay must not be negative (was {FirstDelay}).", paramName);
        if (double.IsNaN(Growth) || Growth < 1) throw new ArgumentException($"Polling.Growth must be at least 1 (was {Growth}).", paramName);
        if (MaxDelay <= TimeSpan.Zero) throw new ArgumentException($"Polling.MaxDelay must be positive (was {MaxDelay}).", paramName);
        if (Timeout <= TimeSpan.Zero) throw new ArgumentException($"Polling.Timeout must be positive (was {Timeout}).", paramName);
    }
}
