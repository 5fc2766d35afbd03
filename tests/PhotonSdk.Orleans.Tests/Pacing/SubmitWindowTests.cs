using Microsoft.Extensions.Time.Testing;
using PhotonSdk.Orleans.Pacing;

namespace PhotonSdk.Orleans.Tests.Pacing;

/// <summary>The cluster's pace, on a fake clock: no window of a minute (plus its margin) ever holds more than the limit.</summary>
public sealed class SubmitWindowTests
{
    private readonly FakeTimeProvider _clock = new(WatchedClock.DefaultStart);

    [Fact]
    public void Submits_are_spaced_evenly_at_the_limit_the_first_at_once()
    {
        var window = new SubmitWindow(3);
        var now = _clock.GetUtcNow();

        var slots = Enumerable.Range(0, 4).Select(_ => window.Reserve(now)).ToList();

        Assert.Equal(now, slots[0]);
        Assert.Equal([now, now + window.Spacing, now + (2 * window.Spacing), now + SubmitWindow.Window], slots);
    }

    [Fact]
    public void An_idle_window_lets_the_next_submit_go_at_once()
    {
        var window = new SubmitWindow(60);
        window.Reserve(_clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(_clock.GetUtcNow(), window.Reserve(_clock.GetUtcNow()));
    }

    [Theory]
    [InlineData(5, 200)]
    [InlineData(50, 1_000)]
    public void No_window_holds_more_than_the_limit_whatever_the_arrivals(int limit, int requests)
    {
        var window = new SubmitWindow(limit);
        var random = new Random(limit);
        var slots = new List<DateTimeOffset>();
        for (var i = 0; i < requests; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(random.Next(0, 400)));
            var slot = window.Reserve(_clock.GetUtcNow());
            Assert.True(slot >= _clock.GetUtcNow());
            slots.Add(slot);
        }

        Assert.Equal(slots.Order().ToList(), slots);
        for (var i = limit; i < slots.Count; i++) Assert.True(slots[i] - slots[i - limit] >= SubmitWindow.Window, $"slot {i}");
    }

    [Fact]
    public void A_backlog_is_served_at_the_limit_not_below_it()
    {
        const int Limit = 60;
        var window = new SubmitWindow(Limit);
        var now = _clock.GetUtcNow();

        var last = Enumerable.Range(0, Limit * 5).Select(_ => window.Reserve(now)).ToList()[^1];

        // Five windows' worth, evenly: the last one spacing short of five windows.
        Assert.Equal(now + (5 * SubmitWindow.Window) - window.Spacing, last, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void A_pause_after_a_429_holds_every_later_submit()
    {
        var window = new SubmitWindow(100);
        var now = _clock.GetUtcNow();
        window.Pause(now + TimeSpan.FromSeconds(7));

        Assert.Equal(now + TimeSpan.FromSeconds(7), window.Reserve(now));
    }

    [Fact]
    public void A_window_restored_from_a_checkpoint_counts_the_earlier_submits()
    {
        var now = _clock.GetUtcNow();
        var first = new SubmitWindow(4);
        for (var i = 0; i < 4; i++) first.Reserve(now);
        _clock.Advance(TimeSpan.FromSeconds(10));

        var restored = new SubmitWindow(4, first.Live(_clock.GetUtcNow()));

        // The four earlier ones (spaced) still count: the next comes a window after the first of them.
        Assert.Equal(now + SubmitWindow.Window, restored.Reserve(_clock.GetUtcNow()));
        Assert.Empty(first.Live(now + (2 * SubmitWindow.Window)));
    }
}
