using Microsoft.Extensions.Time.Testing;

namespace PhotonSdk.Tests.FaultMatrix;

/// <summary>
/// A fake clock that knows what waits on it. A delay (<c>Task.Delay</c> on this clock: its timer's state is the delay's
/// task) means the code under test is idle until that time; any other timer (a timeout's, whose state is a
/// <see cref="CancellationTokenSource"/>) only watches. So the fault matrix moves the clock only while a delay is
/// pending, and straight to the next timer due: fake time passes exactly as the code asks, never while it is busy.
/// </summary>
public sealed class WatchedClock : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<WatchedTimer> _timers = [];

    public WatchedClock(DateTimeOffset start)
        : base(start)
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var watched = new WatchedTimer(this, state as Task);
        lock (_gate) _timers.Add(watched);
        watched.Arm(dueTime, period);
        watched.Inner = base.CreateTimer(
            s =>
            {
                watched.Fired();
                callback(s);
            },
            state,
            dueTime,
            period);
        return watched;
    }

    /// <summary>When the next timer is due, provided something waits on a delay; null when nothing does.</summary>
    public DateTimeOffset? NextDueWhileDelayed()
    {
        lock (_gate)
        {
            _timers.RemoveAll(timer => timer.IsDone);
            if (!_timers.Any(timer => timer.IsPendingDelay)) return null;
            return _timers.Where(timer => timer.Due is not null).Min(timer => timer.Due);
        }
    }

    /// <summary>Moves the clock to the next timer due, when something waits on a delay; says whether it moved.</summary>
    public bool AdvanceToNextDelay()
    {
        if (NextDueWhileDelayed() is not { } due) return false;
        var now = GetUtcNow();
        Advance(due > now ? due - now : TimeSpan.Zero);
        return true;
    }

    private sealed class WatchedTimer(WatchedClock clock, Task? delay) : ITimer
    {
        private readonly Lock _gate = new();
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private DateTimeOffset? _due;
        private bool _disposed;

        public ITimer? Inner { get; set; }

        public DateTimeOffset? Due
        {
            get
            {
                lock (_gate) return _due;
            }
        }

        public bool IsPendingDelay => delay is { IsCompleted: false } && Due is not null && !_disposed;

        public bool IsDone => _disposed || delay is { IsCompleted: true } || (Due is null && delay is not null);

        public void Arm(TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                _period = period;
                _due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime;
            }
        }

        public void Fired()
        {
            lock (_gate) _due = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : clock.GetUtcNow() + _period;
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Arm(dueTime, period);
            return Inner!.Change(dueTime, period);
        }

        public void Dispose()
        {
            _disposed = true;
            Inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
