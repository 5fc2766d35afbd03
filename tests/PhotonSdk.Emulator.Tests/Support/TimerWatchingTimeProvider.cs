using Microsoft.Extensions.Time.Testing;

namespace PhotonSdk.Emulator.Tests.Support;

/// <summary>
/// A fake clock that tells when the code under test arms a timer on it. A test waits for that before advancing, so
/// it never advances before the emulator has started waiting (which would make the wait miss the advance).
/// </summary>
public sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly SemaphoreSlim _armed = new(0);

    public TimerWatchingTimeProvider()
        : base(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _armed.Release();
        return timer;
    }

    /// <summary>Completes once a timer has been armed since the last call; fails the test after a guard of 10 s.</summary>
    public async Task WaitForTimerAsync()
    {
        if (!await _armed.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("The emulator never armed a timer on the fake clock.");
        }
    }
}
