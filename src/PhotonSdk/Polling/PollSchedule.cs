namespace PhotonSdk.Polling;

/// <summary>
/// The delays between result requests of one wait. Without an expected window it is the growing sequence from the
/// first delay. With one, it checks on the window's grid, a fast interval apart, until the window has passed or the
/// fast checks are spent; then the interval grows from the fast interval, so that a prediction running a little late
/// is still noticed soon and one running very late costs few requests.
/// </summary>
internal sealed class PollSchedule
{
    private readonly PollingOptions _options;
    private readonly ExpectedWindow? _window;
    private int _fastPolls;
    private bool _pastWindow;
    private TimeSpan _next;

    public PollSchedule(PollingOptions options, ExpectedWindow? window = null)
    {
        _options = options;
        _window = window;
        // Back-to-back checks in the window say nothing of how to pace the rest: then the plain first delay does.
        _next = window is null ? options.FirstDelay : Grow(options.FastInterval > TimeSpan.Zero ? options.FastInterval : options.FirstDelay);
    }

    /// <summary>The delay before the next request.</summary>
    /// <param name="sinceOrigin">How long ago the window's clock started (the submit's answer); used only with a window.</param>
    public TimeSpan Next(TimeSpan sinceOrigin)
    {
        if (_window is { } window && !_pastWindow)
        {
            // Half an interval past now: a timer may fire a millisecond before the grid point it was aimed at, and the
            // next check must then be the following point, not that one again.
            var from = sinceOrigin + (_options.FastInterval > TimeSpan.Zero ? _options.FastInterval / 2 : TimeSpan.Zero);
            if (_fastPolls < _options.MaxFastPolls && window.TryNextCheck(from, _options.FastInterval, out var at))
            {
                _fastPolls++;
                return at - sinceOrigin;
            }

            _pastWindow = true;
        }

        var current = _next;
        _next = Grow(current);
        return current;
    }

    private TimeSpan Grow(TimeSpan delay) => TimeSpan.FromTicks((long)Math.Min(delay.Ticks * _options.Growth, _options.MaxDelay.Ticks));
}
