using PhotonSdk.Polling;
using static PhotonSdk.Tests.Polling.TimedClientRig;

namespace PhotonSdk.Tests.Polling;

/// <summary>The span a wait's fast checks cover, and where on it they fall.</summary>
public sealed class ExpectedWindowTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void A_typical_duration_is_trusted_a_fifth_either_side()
    {
        var window = ExpectedWindow.Around(Seconds(8));

        Assert.Equal(new ExpectedWindow(Seconds(8), Seconds(6.4), Seconds(9.6)), window);
    }

    [Theory]
    [InlineData(0.0, 2.7)]    // the grid through 3 s, past the window's start
    [InlineData(2.4, 2.7)]
    [InlineData(2.7, 2.7)]    // a check may fall on the time asked for
    [InlineData(3.0, 3.0)]
    [InlineData(3.5, 3.6)]
    public void Checks_fall_on_the_grid_through_the_anchor(double from, double expected)
    {
        var window = ExpectedWindow.Around(Seconds(3));

        Assert.True(window.TryNextCheck(Seconds(from), Fast, out var at));
        Assert.Equal(Seconds(expected), at);
    }

    [Fact]
    public void Past_the_window_there_is_no_check_left()
    {
        Assert.False(ExpectedWindow.Around(Seconds(3)).TryNextCheck(Seconds(3.61), Fast, out _));
    }

    [Fact]
    public void A_zero_interval_checks_at_once_within_the_window()
    {
        var window = ExpectedWindow.Around(Seconds(3));

        Assert.True(window.TryNextCheck(Seconds(2.5), TimeSpan.Zero, out var at));
        Assert.Equal(Seconds(2.5), at);
    }

    [Fact]
    public void A_few_samples_are_trusted_like_a_typical_duration()
    {
        var samples = new DurationSamples();
        foreach (var seconds in new[] { 2.0, 3.0, 10.0 }) samples.Add(Seconds(seconds));

        Assert.True(samples.TryGetWindow(Fast, out var window));
        Assert.Equal(ExpectedWindow.Around(Seconds(3)), window);
    }

    [Fact]
    public void Enough_samples_give_their_own_spread_half_an_interval_before_it_and_a_whole_one_past_it()
    {
        var samples = new DurationSamples();
        foreach (var seconds in new[] { 3.2, 2.6, 3.0, 3.4, 2.8 }) samples.Add(Seconds(seconds));

        Assert.True(samples.TryGetWindow(Fast, out var window));
        Assert.Equal(new ExpectedWindow(Seconds(3), Seconds(2.45), Seconds(3.7)), window);
    }

    [Fact]
    public void A_check_whose_timer_fired_a_little_early_is_not_sent_twice()
    {
        var schedule = new PollSchedule(new PollingOptions(), ExpectedWindow.Around(Seconds(3)));
        Assert.Equal(Seconds(2.7), schedule.Next(TimeSpan.Zero));

        // The check aimed at 2.7 s went out at 2.6995 s: the next one is aimed at 3 s, not at 2.7 s again.
        Assert.Equal(Seconds(3) - Seconds(2.6995), schedule.Next(Seconds(2.6995)));
    }

    [Fact]
    public void A_learned_window_is_never_wider_than_half_its_median_either_side()
    {
        var samples = new DurationSamples();
        foreach (var seconds in new[] { 0.5, 0.5, 4.0, 4.0, 4.0, 20.0, 20.0 }) samples.Add(Seconds(seconds));

        Assert.True(samples.TryGetWindow(Fast, out var window));
        Assert.Equal(new ExpectedWindow(Seconds(4), Seconds(2), Seconds(6)), window);
    }

    [Fact]
    public void No_samples_give_no_window()
    {
        Assert.False(new DurationSamples().TryGetWindow(Fast, out _));
    }

    [Fact]
    public void Given_durations_are_copied_with_the_options_and_checked()
    {
        var options = new PhotonClientOptions { ApiKey = "k" };
        options.Polling.ExpectedDurations["luma/photon"] = Seconds(5);

        var copy = options.Clone();
        copy.Polling.ExpectedDurations["luma/photon"] = Seconds(6);
        options.Polling.ExpectedDurations["luma/photon-flash"] = TimeSpan.FromMinutes(11);

        Assert.Equal(Seconds(5), options.Polling.ExpectedDurations["luma/photon"]);
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("Polling.ExpectedDurations[luma/photon-flash] must be between 0 and Timeout, 00:10:00 (was 00:11:00)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalog_gives_each_model_its_typical_duration()
    {
        Assert.All(PhotonModels.All, model => Assert.Equal(Seconds(model.Quality == PhotonQuality.Draft ? 3 : 8), model.TypicalDuration));
    }
}
