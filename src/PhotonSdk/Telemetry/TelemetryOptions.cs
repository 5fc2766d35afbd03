namespace PhotonSdk;

/// <summary>What the SDK's traces, metrics and logs may contain.</summary>
public sealed class TelemetryOptions
{
    /// <summary>
    /// Whether prompts are recorded on traces and in logs. Default off: prompts can hold personal or confidential text.
    /// </summary>
    public bool IncludePrompts { get; set; }

    /// <summary>A copy; every property is a value, so a shallow copy is a deep one.</summary>
    internal TelemetryOptions Clone() => (TelemetryOptions)MemberwiseClone();
}
