namespace PhotonSdk.Polling;

/// <summary>
/// The delays between result requests of one wait. Without an expected duration it is the growing sequence. With one,
/// it first aims a request half a fast interval before the expected completion, then sends a bounded number at the fast
/// interval, then falls back to the growing sequence from its start.
/// </summary>
internal sealed class PollSchedule
{
    private readonly PollingOptions _options;
    private readonly TimeSpan? _expected;
    private int _fastPolls;
    private TimeSpan _next;

    public PollSchedule(PollingOptions options, TimeSpan? expected = null)
    {
        _options = options;
        _expected = expected;
        _next = options.FirstDelay;
    }

    /// <summary>The delay before the next request.</summary>
    /// <param name="sinceSubmit">How long ago the prediction was submitted; used only with an expected duration.</param>
    public TimeSpan Next(TimeSpan sinceSubmit)
    {
        if (_expected is { } expected && _fastPolls < _options.MaxFastPolls)
        {
            if (_fastPolls++ > 0) return _options.FastInterval;
            var untilAimed = expected - (_options.FastInterval / 2) - sinceSubmit;
            return untilAimed > TimeSpan.Zero ? untilAimed : TimeSpan.Zero;
        }

        var current = _next;
        _next = TimeSpan.FromTicks((long)Math.Min(current.Ticks * _options.Growth, _options.MaxDelay.Ticks));
        return current;
    }
}
