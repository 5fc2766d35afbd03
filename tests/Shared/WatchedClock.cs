using Microsoft.Extensions.Time.Testing;

namespace PhotonSdk.Testing;

/// <summary>
/// The one fake clock the tests drive. It knows what waits on it: a delay (<c>Task.Delay</c> on this clock: its
/// timer's state is the delay's task) means the code under test is idle until that time; any other timer (a
/// timeout's, whose state is a <see cref="CancellationTokenSource"/>) only watches. So a driver moves the clock only
/// while a delay is pending, and straight to the next timer due: fake time passes exactly as the code asks, never
/// while it is busy. Every timer armed, changed, fired or dropped, and every <see cref="Nudge"/> (a request that
/// ends, a server that moves on), wakes the driver; it never polls in real time.
/// </summary>
public sealed class WatchedClock : FakeTimeProvider
{
    /// <summary>Where a clock starts unless a test says otherwise.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>How much real time a drive may take before the test fails; no test comes near it.</summary>
    public static readonly TimeSpan RealTimeGuard = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly List<WatchedTimer> _timers = [];
    private TaskCompletionSource _changed = NewSignal();

    public WatchedClock()
        : this(DefaultStart)
    {
    }

    public WatchedClock(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>Whether something waits on a delay on this clock.</summary>
    public bool IsDelayPending
    {
        get
        {
            lock (_gate) return _timers.Any(timer => timer.IsPendingDelay);
        }
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
        Nudge();
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

    /// <summary>
    /// Moves the clock to the next timer due, when something waits on a delay; says whether it moved. The timers due
    /// fire inside the move, and continuations that run inline go on up to their next wait before it returns.
    /// </summary>
    public bool AdvanceToNextDelay()
    {
        if (NextDueWhileDelayed() is not { } due) return false;
        var now = GetUtcNow();
        Advance(due > now ? due - now : TimeSpan.Zero);
        return true;
    }

    /// <summary>Wakes a driver: something outside the clock changed (a request ended, a server received one).</summary>
    public void Nudge()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    /// <summary>
    /// Runs <paramref name="task"/> to its end, moving the clock to the next timer whenever <paramref name="http"/>
    /// has nothing in flight and something waits on a delay.
    /// </summary>
    public async Task<T> DriveAsync<T>(Task<T> task, InFlightHandler http)
    {
        await DriveAsync((Task)task, http).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="task"/> to its end, or only until <paramref name="until"/> holds while nothing is in flight,
    /// moving the clock to the next timer whenever <paramref name="http"/> has nothing in flight and something waits on
    /// a delay. The task's outcome is left to the caller to observe.
    /// </summary>
    /// <exception cref="TimeoutException">Neither happened within <see cref="RealTimeGuard"/> of real time.</exception>
    public async Task DriveAsync(Task task, InFlightHandler http, Func<bool>? until = null)
    {
        http.Changed += Nudge;
        try
        {
            await UntilAsync(
                    () => task.IsCompleted || (until is not null && http.InFlight == 0 && until()),
                    () => http.InFlight == 0 && AdvanceToNextDelay(),
                    task,
                    RealTimeGuard,
                    until is null ? "The task did not end" : "The task neither ended nor reached the point awaited")
                .ConfigureAwait(false);
        }
        finally
        {
            http.Changed -= Nudge;
        }
    }

    /// <summary>
    /// Runs <paramref name="task"/> to its end: whenever anything changed, <paramref name="step"/> may move the clock or
    /// act otherwise and says whether it did (then it is asked again at once); when it did not, the driver waits for the
    /// next change. The outcome of the task is left to the caller to observe.
    /// </summary>
    /// <exception cref="TimeoutException">The task did not end within <paramref name="guard"/> of real time.</exception>
    public Task RunAsync(Task task, Func<bool> step, TimeSpan? guard = null) =>
        UntilAsync(() => task.IsCompleted, step, task, guard ?? RealTimeGuard, "The task did not end");

    /// <summary>Completes once something waits on a delay on this clock: a server that started its wait, say.</summary>
    /// <exception cref="TimeoutException">Nothing armed a delay within <paramref name="guard"/> of real time.</exception>
    public Task WaitForDelayAsync(TimeSpan? guard = null) =>
        UntilAsync(() => IsDelayPending, static () => false, ends: null, guard ?? RealTimeGuard, "Nothing armed a delay on the fake clock");

    private async Task UntilAsync(Func<bool> done, Func<bool> step, Task? ends, TimeSpan guard, string failure)
    {
        using var expiry = new CancellationTokenSource();
        var expired = Task.Delay(guard, expiry.Token);
        try
        {
            while (true)
            {
                // Taken before the state is read, so that a change in between is not missed.
                Task changed;
                lock (_gate) changed = _changed.Task;
                if (done()) return;
                if (step()) continue;

                await (ends is null ? Task.WhenAny(changed, expired) : Task.WhenAny(changed, ends, expired)).ConfigureAwait(false);
                if (expired.IsCompleted && !done())
                    throw new TimeoutException($"{failure} within {guard.TotalSeconds:0} s of real time; the fake clock reads {GetUtcNow():O}.");
            }
        }
        finally
        {
            await expiry.CancelAsync().ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

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
            clock.Nudge();
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Arm(dueTime, period);
            var changed = Inner!.Change(dueTime, period);
            clock.Nudge();
            return changed;
        }

        public void Dispose()
        {
            _disposed = true;
            Inner?.Dispose();
            clock.Nudge();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
