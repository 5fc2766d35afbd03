namespace PhotonSdk.Polling;

/// <summary>The growing sequence of intervals between result requests.</summary>
internal sealed class PollSchedule
{
    private readonly PollingOptions _options;
    private TimeSpan _next;

    public PollSchedule(PollingOptions options)
    {
        _options = options;
        _next = options.FirstDelay;
    }

    public TimeSpan Next()
    {
        var current = _next;
        _next = TimeSpan.FromTicks((long)Math.Min(current.Ticks * _options.Growth, _options.MaxDelay.Ticks));
        return current;
    }
}
