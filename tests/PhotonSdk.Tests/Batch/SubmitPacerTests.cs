using System.Threading.RateLimiting;
using PhotonSdk.Batch;

namespace PhotonSdk.Tests.Batch;

/// <summary>The pace of submits on a fake clock: the tier's sliding minute, the pause after a 429, what a 429 teaches.</summary>
public sealed class SubmitPacerTests
{
    private static readonly TimeSpan Window = SubmitPacer.Minute + SubmitPacer.Margin;

    private readonly WatchedClock _clock = new();

    [Fact]
    public async Task A_tier_allows_its_images_per_minute_then_the_next_when_the_first_leaves_the_window()
    {
        await using var pacer = new SubmitPacer(_clock, imagesPerMinute: 3);
        var granted = new List<TimeSpan>();
        var start = _clock.GetUtcNow();

        for (var i = 0; i < 7; i++)
        {
            var lease = await DriveAsync(pacer.AcquireAsync(1).AsTask());
            Assert.True(lease.IsAcquired);
            granted.Add(_clock.GetUtcNow() - start);
            if (i == 0) _clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(
            [TimeSpan.Zero, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), Window, Window + TimeSpan.FromSeconds(10), Window + TimeSpan.FromSeconds(10), 2 * Window],
            granted);
    }

    [Fact]
    public async Task A_429_gives_the_place_back_pauses_for_its_retry_after_and_sets_the_limit_to_what_got_through()
    {
        await using var pacer = new SubmitPacer(_clock, imagesPerMinute: null);
        var start = _clock.GetUtcNow();
        var leases = new List<RateLimitLease>();
        for (var i = 0; i < 4; i++) leases.Add(await pacer.AcquireAsync(1));

        pacer.RateLimited(leases[1], TimeSpan.FromSeconds(60));
        pacer.RateLimited(leases[3], TimeSpan.FromSeconds(60));
        var next = new[] { pacer.AcquireAsync(1).AsTask(), pacer.AcquireAsync(1).AsTask(), pacer.AcquireAsync(1).AsTask() };
        await DriveAsync(next[1]);
        var second = _clock.GetUtcNow() - start;
        await DriveAsync(next[2]);

        Assert.Equal(2, pacer.Limit);
        Assert.True(next[0].IsCompletedSuccessfully);
        // Paused until 60 s, and the two that got through hold the window until 61 s.
        Assert.Equal(Window, second);
        Assert.Equal(2 * Window, _clock.GetUtcNow() - start);
    }

    [Fact]
    public async Task A_429_without_retry_after_backs_off_doubling()
    {
        await using var pacer = new SubmitPacer(_clock, imagesPerMinute: null);
        var start = _clock.GetUtcNow();
        var times = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            var lease = await DriveAsync(pacer.AcquireAsync(1).AsTask());
            times.Add(_clock.GetUtcNow() - start);
            pacer.RateLimited(lease, retryAfter: null);
        }

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(7)], times);
        Assert.Equal(1, pacer.Limit);
    }

    [Fact]
    public async Task A_learned_limit_is_tried_higher_after_a_quiet_stretch_and_never_above_the_tier()
    {
        await using var pacer = new SubmitPacer(_clock, imagesPerMinute: 10);
        var first = await pacer.AcquireAsync(1);
        await pacer.AcquireAsync(1);
        await pacer.AcquireAsync(1);
        pacer.RateLimited(first, TimeSpan.FromSeconds(1));
        Assert.Equal(2, pacer.Limit);

        var limits = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            await DriveAsync(pacer.AcquireAsync(1).AsTask());
            limits.Add(pacer.Limit);
        }

        Assert.Equal(2, limits[0]);
        Assert.True(limits[^1] > 2);
        Assert.All(limits, limit => Assert.InRange(limit, 2, 10));
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_and_its_place_goes_to_the_next()
    {
        await using var pacer = new SubmitPacer(_clock, imagesPerMinute: 1);
        await pacer.AcquireAsync(1);
        using var cancel = new CancellationTokenSource();
        var cancelled = pacer.AcquireAsync(1, cancel.Token).AsTask();
        var next = pacer.AcquireAsync(1).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var lease = await DriveAsync(next);
        Assert.True(lease.IsAcquired);
        Assert.Equal(Window, _clock.GetUtcNow() - WatchedClock.DefaultStart);
        Assert.False(pacer.AttemptAcquire(1).IsAcquired);
    }

    private async Task<T> DriveAsync<T>(Task<T> task)
    {
        await _clock.RunAsync(task, _clock.AdvanceToNextDelay);
        return await task;
    }
}
