using PhotonSdk.Polling;
using static PhotonSdk.Tests.Polling.TimedClientRig;

namespace PhotonSdk.Tests.Polling;

/// <summary>
/// The schedule that learns each model's duration, on a fake clock: once a client has seen a model's predictions
/// complete, it checks across the span they took rather than around the catalog's typical duration.
/// </summary>
public sealed class LearnedScheduleTests
{
    [Fact]
    public async Task A_model_that_runs_faster_than_its_typical_duration_is_soon_checked_when_it_runs()
    {
        using var rig = new TimedClientRig((_, _) => Seconds(1.8));
        for (var i = 0; i < 8; i++) await rig.GenerateAsync("flash");

        // The first one is checked from 2.7 s; later ones around 1.8 s, each noticed within one fast interval.
        Assert.Equal(Seconds(2.7), rig.Api.ReadsOf(0)[0]);
        var last = rig.Api.ReadsOf(7);
        Assert.InRange(last[0], Seconds(1.4), Seconds(1.8));
        Assert.InRange(last[^1], Seconds(1.8), Seconds(2.1));
        Assert.InRange(last.Count, 1, 3);
    }

    [Fact]
    public async Task A_spread_of_durations_is_covered_so_that_each_is_noticed_within_a_fast_interval()
    {
        // 2.6 to 3.4 s, in an order that mixes them.
        static TimeSpan DurationOf(int index) => Seconds(2.6 + (0.1 * ((index * 4) % 9)));
        using var rig = new TimedClientRig((index, _) => DurationOf(index));
        for (var i = 0; i < 30; i++) await rig.GenerateAsync("flash");

        for (var i = 15; i < 30; i++)
        {
            var reads = rig.Api.ReadsOf(i);
            Assert.InRange(reads[^1] - DurationOf(i), TimeSpan.Zero, TimeSpan.FromMilliseconds(300));
            // No more than the official SDKs' poll: at once, then every second.
            Assert.InRange(reads.Count, 1, (int)Math.Ceiling(DurationOf(i).TotalSeconds) + 1);
        }
    }

    [Fact]
    public async Task Durations_spread_a_fifth_either_side_are_noticed_within_an_interval_nineteen_times_in_twenty()
    {
        // 2.4 to 3.6 s at random (a fixed sequence), as the emulator's ±20 % jitter spreads Photon Flash.
        var durations = new List<TimeSpan>();
        var state = 7u;
        for (var i = 0; i < 80; i++)
        {
            state = unchecked((1664525 * state) + 1013904223);
            durations.Add(TimeSpan.FromMilliseconds(Math.Round(2400 + (1200 * (state / 4294967296.0)))));
        }

        using var rig = new TimedClientRig((index, _) => durations[index]);
        for (var i = 0; i < durations.Count; i++) await rig.GenerateAsync("flash");

        var assessed = Enumerable.Range(20, 60).ToList();
        var notice = assessed.Select(i => rig.Api.ReadsOf(i)[^1] - durations[i]).Order().ToList();
        Assert.InRange(notice[(int)Math.Ceiling(0.95 * notice.Count) - 1], TimeSpan.Zero, TimeSpan.FromMilliseconds(300));
        // Fewer requests than the official SDKs' poll, which reads at once and then every second.
        Assert.True(assessed.Average(i => rig.Api.ReadsOf(i).Count) < assessed.Average(i => Math.Ceiling(durations[i].TotalSeconds) + 1));
    }

    [Fact]
    public async Task An_outlier_does_not_poison_what_was_learned()
    {
        using var rig = new TimedClientRig((index, _) => index == 6 ? Seconds(40) : Seconds(3));
        for (var i = 0; i < 8; i++) await rig.GenerateAsync("flash");

        var afterOutlier = rig.Api.ReadsOf(7);
        Assert.InRange(afterOutlier[0], Seconds(2.4), Seconds(3));
        Assert.InRange(afterOutlier[^1], Seconds(3), Seconds(3.3));
        Assert.InRange(afterOutlier.Count, 1, 3);
    }

    [Fact]
    public async Task Each_model_is_learned_separately()
    {
        using var rig = new TimedClientRig((_, model) => model.EndsWith("flash", StringComparison.Ordinal) ? Seconds(1.8) : Seconds(6));
        for (var i = 0; i < 6; i++) await rig.GenerateAsync("flash");

        await rig.GenerateAsync("photon");
        // Photon is still expected at its typical 8 s, from 6.4 s.
        Assert.Equal(Seconds(6.5), rig.Api.ReadsOf(6)[0]);

        for (var i = 0; i < 6; i++) await rig.GenerateAsync("photon");
        await rig.GenerateAsync("flash");

        Assert.InRange(rig.Api.ReadsOf(12)[0], Seconds(4.5), Seconds(6.3));
        Assert.InRange(rig.Api.ReadsOf(13)[0], Seconds(1.4), Seconds(1.8));
    }

    [Fact]
    public async Task A_wait_resumed_from_an_id_alone_neither_uses_nor_feeds_the_learned_duration()
    {
        using var rig = new TimedClientRig((_, _) => Seconds(1.8));
        for (var i = 0; i < 6; i++) await rig.GenerateAsync("flash");
        var submitted = await rig.Client.SubmitAsync("A lighthouse", new GenerationOptions { Model = "flash" });

        await rig.Drive(rig.Client.GetPrediction(submitted.Id, submitted.ModelId).WaitForCompletionAsync());

        Assert.Equal([TimeSpan.Zero, Seconds(2)], rig.Api.ReadsOf(6));
    }

    [Fact]
    public async Task Learning_can_be_turned_off()
    {
        using var rig = new TimedClientRig((_, _) => Seconds(1.8), polling => polling.LearnDurations = false);
        for (var i = 0; i < 4; i++) await rig.GenerateAsync("flash");

        Assert.Equal([Seconds(2.7)], rig.Api.ReadsOf(3));
    }

    [Fact]
    public void The_median_of_the_recent_samples_is_the_estimate()
    {
        var samples = new DurationSamples();
        Assert.False(samples.TryGetMedian(out _));

        foreach (var seconds in new[] { 3.0, 40.0, 2.9, 3.1 }) samples.Add(TimeSpan.FromSeconds(seconds));

        Assert.True(samples.TryGetMedian(out var median));
        Assert.Equal(TimeSpan.FromSeconds(3.05), median);
    }

    [Fact]
    public void Only_the_most_recent_samples_count()
    {
        var samples = new DurationSamples();
        for (var i = 0; i < DurationSamples.Capacity; i++) samples.Add(TimeSpan.FromSeconds(3));
        for (var i = 0; i < DurationSamples.Capacity; i++) samples.Add(TimeSpan.FromSeconds(8));

        Assert.True(samples.TryGetMedian(out var median));
        Assert.Equal(TimeSpan.FromSeconds(8), median);
    }

    [Theory]
    [InlineData(2.7, 3.0, 2.85)]  // a gap of one interval: its middle
    [InlineData(0.0, 2.4, 2.1)]   // done at the first check: no more than one interval (0.3 s) before it
    [InlineData(3.6, 7.3, 7.0)]   // a grown interval: the same
    [InlineData(0.0, 0.5, 0.25)]
    public void An_observation_is_estimated_from_the_gap_between_its_sightings(double pending, double completed, double expected)
    {
        var estimate = ModelDurations.Estimate(TimeSpan.FromSeconds(pending), TimeSpan.FromSeconds(completed), TimeSpan.FromSeconds(0.3));

        Assert.Equal(TimeSpan.FromSeconds(expected), estimate);
    }

    [Fact]
    public void Models_outside_the_catalog_are_not_learned()
    {
        var durations = new ModelDurations();

        durations.Record("someone/else", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));

        Assert.Null(durations.Expected("someone/else"));
        Assert.Null(durations.Window("someone/else", new PollingOptions()));
    }
}
