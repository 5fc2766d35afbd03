using System.Threading.RateLimiting;

namespace PhotonSdk.Batch;

/// <summary>
/// Paces a batch's submits to the account's images per minute: never more than the limit in any window of a minute
/// plus <see cref="Margin"/>, counted as the server counts (a sliding minute of accepted submits), with permits handed
/// out first come, first served. A 429 pauses every submit for its <c>Retry-After</c>, gives back the refused submit's
/// place (the server did not count it) and caps the limit at what the server accepted in the last minute; once
/// <see cref="ProbeAfter"/> has passed without a 429 while the limit held submits back, it is raised by a quarter, and
/// again after each such stretch, up to the ceiling (the tier's rate, or none).
/// </summary>
/// <remarks>
/// A <see cref="RateLimiter"/> of its own rather than <see cref="SlidingWindowRateLimiter"/>: the built-in limiters
/// replenish on their own timer, not on a <see cref="TimeProvider"/>, count windows in fixed segments (which can let
/// through more than the server's sliding minute allows) and cannot change their limit once built.
/// </remarks>
internal sealed class SubmitPacer : RateLimiter
{
    /// <summary>The server's window.</summary>
    public static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>Added to the window so that network delays cannot land two minutes' worth of submits in one server minute.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    /// <summary>How long a learned limit holds without a 429 before it is tried a little higher.</summary>
    public static readonly TimeSpan ProbeAfter = TimeSpan.FromMinutes(5);

    /// <summary>The longest pause after a 429 that gave no <c>Retry-After</c>.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Window = Minute + Margin;

    private readonly TimeProvider _time;
    private readonly int _ceiling;
    private readonly Lock _gate = new();
    private readonly List<DateTimeOffset> _granted = [];
    private readonly LinkedList<Waiter> _queue = new();
#pragma warning disable CA2213 // Cancelled on disposal, never disposed: the pump may still be reading its token.
    private readonly CancellationTokenSource _disposed = new();
#pragma warning restore CA2213
    private int _limit;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _lastLimitChange;
    private int _rateLimitedInARow;
    private bool _pumping;
    private long _successfulLeases;
    private long _failedLeases;

    /// <param name="time">The clock.</param>
    /// <param name="imagesPerMinute">The tier's rate, which the limit never exceeds; <see langword="null"/> for no ceiling (learned from 429s only).</param>
    public SubmitPacer(TimeProvider time, int? imagesPerMinute)
    {
        _time = time;
        _ceiling = imagesPerMinute ?? int.MaxValue;
        _limit = _ceiling;
        _lastLimitChange = time.GetUtcNow();
    }

    /// <summary>The submits allowed in a window now: the tier's rate, or what was learned; <see cref="int.MaxValue"/> before any limit is known.</summary>
    public int Limit
    {
        get
        {
            lock (_gate) return _limit;
        }
    }

    /// <summary>Until when submits are paused after a 429; in the past when they are not.</summary>
    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_gate) return _pausedUntil;
        }
    }

    /// <inheritdoc />
    public override TimeSpan? IdleDuration => null;

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _limit == int.MaxValue ? long.MaxValue : Math.Max(0, _limit - _granted.Count),
                CurrentQueuedCount = _queue.Count,
                TotalSuccessfulLeases = _successfulLeases,
                TotalFailedLeases = _failedLeases,
            };
        }
    }

    /// <summary>
    /// The server answered a submit that holds <paramref name="lease"/> with 429: it did not count it, so its place is
    /// given back; submits pause for <paramref name="retryAfter"/> (or a backoff that doubles with each 429 in a row),
    /// and the limit drops to what the server accepted in the last minute.
    /// </summary>
    public void RateLimited(RateLimitLease lease, TimeSpan? retryAfter)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (lease is PacerLease { Stamp: { } stamp }) _granted.Remove(stamp);
            _rateLimitedInARow++;
            var pause = retryAfter is { } given && given > TimeSpan.Zero
                ? given
                : TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(_rateLimitedInARow - 1, 10))));
            if (now + pause > _pausedUntil) _pausedUntil = now + pause;

            var acceptedInTheLastMinute = _granted.Count(t => now - t < Minute);
            var learned = Math.Max(1, Math.Min(_limit, acceptedInTheLastMinute));
            if (learned != _limit) _limit = learned;
            _lastLimitChange = now;
        }
    }

    /// <summary>A submit got through: the run of 429s is over.</summary>
    public void Accepted()
    {
        lock (_gate) _rateLimitedInARow = 0;
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckPermitCount(permitCount);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_queue.Count == 0 && TryGrant(now, out var stamp, out _)) return Granted(stamp);
            _failedLeases++;
            return new PacerLease(null, NextFree(now) - now);
        }
    }

    /// <inheritdoc />
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckPermitCount(permitCount);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
#pragma warning disable CA2000 // The lease goes to the caller, who disposes it.
            if (_queue.Count == 0 && TryGrant(now, out var stamp, out _)) return new ValueTask<RateLimitLease>(Granted(stamp));
#pragma warning restore CA2000

            var waiter = new Waiter();
            var node = _queue.AddLast(waiter);
            if (cancellationToken.CanBeCanceled)
            {
                waiter.Registration = cancellationToken.UnsafeRegister(
                    static (state, token) =>
                    {
                        var (pacer, queued) = ((SubmitPacer, LinkedListNode<Waiter>))state!;
                        pacer.Cancel(queued, token);
                    },
                    (this, node));
            }

            if (!_pumping)
            {
                _pumping = true;
                _ = PumpAsync();
            }

            return new ValueTask<RateLimitLease>(waiter.Task);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) Close();
        base.Dispose(disposing);
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeAsyncCore()
    {
        Close();
        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    /// <summary>Stops the pump and cancels every waiter. The token source is cancelled, not disposed: a pump may still read it.</summary>
    private void Close()
    {
        if (_disposed.IsCancellationRequested) return;
        _disposed.Cancel();
        List<Waiter> waiting;
        lock (_gate)
        {
            waiting = [.. _queue];
            _queue.Clear();
        }

        foreach (var waiter in waiting) waiter.TrySetCanceled(_disposed.Token);
    }

    private static void CheckPermitCount(int permitCount)
    {
        if (permitCount != 1) throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "A submit takes one permit.");
    }

    private PacerLease Granted(DateTimeOffset stamp)
    {
        _successfulLeases++;
        return new PacerLease(stamp, null);
    }

    /// <summary>Grants a place at <paramref name="now"/> when the pause is over and the window has room; otherwise says when to look again.</summary>
    private bool TryGrant(DateTimeOffset now, out DateTimeOffset stamp, out DateTimeOffset next)
    {
        stamp = now;
        while (_granted.Count > 0 && now - _granted[0] >= Window) _granted.RemoveAt(0);
        if (now < _pausedUntil)
        {
            next = _pausedUntil;
            return false;
        }

        if (_granted.Count >= _limit && _limit < _ceiling && now - _lastLimitChange >= ProbeAfter)
        {
            // A stretch without a 429 while the limit held submits back: try a little more.
            _limit = (int)Math.Min(_ceiling, (long)_limit + Math.Max(1, _limit / 4));
            _lastLimitChange = now;
        }

        if (_granted.Count >= _limit)
        {
            next = _granted[_granted.Count - _limit] + Window;
            return false;
        }

        _granted.Add(now);
        next = now;
        return true;
    }

    private DateTimeOffset NextFree(DateTimeOffset now)
    {
        if (now < _pausedUntil) return _pausedUntil;
        return _granted.Count >= _limit ? _granted[_granted.Count - _limit] + Window : now;
    }

    /// <summary>Hands out places to the queue in order, sleeping on the clock until the next one frees.</summary>
    /// <remarks>
    /// Waiters are completed outside the lock and inline, so that a granted submit goes on to send its request before the
    /// pump sleeps again: nothing happens between a grant and its request, on a real clock or a test's fake one.
    /// </remarks>
    private async Task PumpAsync()
    {
        try
        {
            var granted = new List<(Waiter Waiter, DateTimeOffset Stamp)>();
            while (true)
            {
                TimeSpan wait;
                var done = false;
                lock (_gate)
                {
                    var now = _time.GetUtcNow();
                    var next = now;
                    while (_queue.First is { } head)
                    {
                        if (head.Value.Task.IsCompleted)
                        {
                            _queue.RemoveFirst();
                            continue;
                        }

                        if (!TryGrant(now, out var stamp, out next)) break;
                        _queue.RemoveFirst();
                        granted.Add((head.Value, stamp));
                    }

                    if (_queue.Count == 0)
                    {
                        _pumping = false;
                        done = true;
                    }

                    wait = next - now;
                }

                foreach (var (waiter, stamp) in granted) Hand(waiter, stamp);
                granted.Clear();
                if (done) return;
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), _time, _disposed.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            // Disposed: the waiters were cancelled.
        }
    }

    /// <summary>Gives a waiter its place; one cancelled at the same instant gives the place back.</summary>
    private void Hand(Waiter waiter, DateTimeOffset stamp)
    {
        waiter.Registration.Unregister();
#pragma warning disable CA2000 // The lease goes to the waiter, who disposes it.
        PacerLease lease;
        lock (_gate) lease = Granted(stamp);
        if (waiter.TrySetResult(lease)) return;
#pragma warning restore CA2000
        lock (_gate)
        {
            _granted.Remove(stamp);
            _successfulLeases--;
        }
    }

    private void Cancel(LinkedListNode<Waiter> node, CancellationToken token)
    {
        lock (_gate)
        {
            if (node.List is not null) _queue.Remove(node);
        }

        if (node.Value.TrySetCanceled(token))
        {
            lock (_gate) _failedLeases++;
        }
    }

    /// <summary>A queued submit; completed outside the lock, with its continuation inline (see <see cref="PumpAsync"/>).</summary>
    private sealed class Waiter : TaskCompletionSource<RateLimitLease>
    {
        public CancellationTokenRegistration Registration { get; set; }
    }

    /// <summary>A place in the window (<see cref="Stamp"/>), or a refusal that says when to try again.</summary>
    private sealed class PacerLease(DateTimeOffset? stamp, TimeSpan? retryAfter) : RateLimitLease
    {
        public DateTimeOffset? Stamp { get; } = stamp;

        public override bool IsAcquired => Stamp is not null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
