using static PhotonSdk.Tests.Polling.TimedClientRig;

namespace PhotonSdk.Tests.Polling;

/// <summary>
/// A client that has timed nothing yet, on a fake clock: it expects each catalog model's typical duration (Photon
/// Flash 3 s, Photon 8 s) and checks 300 ms apart across a fifth either side of it (past its very start), one check on
/// the typical duration itself, then at intervals growing from 0.45 s. Without an expected duration it follows WaveSpeed's guidance: a first
/// check after 2 s, then a growing interval.
/// </summary>
public sealed class ExpectedScheduleTests
{
    [Fact]
    public async Task A_fresh_client_checks_across_the_typical_duration_with_one_check_on_it()
    {
        using var rig = new TimedClientRig((_, _) => Seconds(3));

        await rig.GenerateAsync("flash");

        // The window is 2.4 to 3.6 s; a check at 2.4 s could find nothing done that the one at 2.7 s would not.
        Assert.Equal([Seconds(2.7), Seconds(3)], rig.Api.ReadsOf(0));
    }

    [Fact]
    public async Task Each_model_is_expected_at_its_own_typical_duration()
    {
        using var rig = new TimedClientRig((_, _) => Seconds(8));

        await rig.GenerateAsync("photon");

        Assert.Equal([Seconds(6.5), Seconds(6.8), Seconds(7.1), Seconds(7.4), Seconds(7.7), Seconds(8)], rig.Api.ReadsOf(0));
    }

    [Theory]
    [InlineData(2.4)]
    [InlineData(2.45)]
    [InlineData(2.99)]
    [InlineData(3.01)]
    [InlineData(3.59)]
    public async Task A_prediction_anywhere_in_the_window_is_noticed_within_the_fast_interval(double seconds)
    {
        using var rig = new TimedClientRig((_, _) => Seconds(seconds));

        await rig.GenerateAsync("flash");

        var reads = rig.Api.ReadsOf(0);
        Assert.InRange(reads[^1] - Seconds(seconds), TimeSpan.Zero, TimeSpan.FromMilliseconds(300));
        // Never more than the official SDKs' poll sends, which reads at once and then every second until it is done.
        Assert.InRange(reads.Count, 1, (int)Math.Ceiling(seconds) + 1);
    }

    [Fact]
    public async Task A_prediction_that_outlasts_the_window_is_checked_at_growing_intervals_and_fewer_times_than_a_one_second_poll()
    {
        using var rig = new TimedClientRig((_, _) => Seconds(40));

        await rig.GenerateAsync("flash");

        var reads = rig.Api.ReadsOf(0);
        Assert.Equal([Seconds(2.7), Seconds(3), Seconds(3.3), Seconds(3.6)], reads.Take(4));
        var gaps = reads.Skip(3).Zip(reads.Skip(4), (a, b) => b - a).ToList();
        Assert.Equal(TimeSpan.FromMilliseconds(450), gaps[0]);
        Assert.All(gaps.Zip(gaps.Skip(1)), pair => Assert.True(pair.Second >= pair.First, $"{pair.Second} came after {pair.First}"));
        Assert.All(gaps, gap => Assert.True(gap <= Seconds(10), $"a gap of {gap}"));
        Assert.InRange(reads.Count, 1, 20);
    }

    [Fact]
    public async Task Without_an_expected_duration_the_first_check_follows_the_first_delay()
    {
        using var rig = new TimedClientRig((_, _) => Seconds(3), polling => polling.UseTypicalDurations = false);

        await rig.GenerateAsync("flash");

        Assert.Equal([Seconds(2), Seconds(5)], rig.Api.ReadsOf(0));
    }

    [Fact]
    public async Task A_duration_given_in_the_options_is_expected_instead_of_the_typical_one()
    {
        using var rig = new TimedClientRig((_, _) => Seconds(1), polling => polling.ExpectedDurations["luma/photon-flash"] = Seconds(1));

        await rig.GenerateAsync("flash");

        // The window is 0.8 to 1.2 s; its grid runs through 1 s.
        Assert.Equal([Seconds(1)], rig.Api.ReadsOf(0));
    }

    [Fact]
    public async Task The_expected_duration_runs_from_the_submits_answer_not_from_when_the_client_began_sending_it()
    {
        // A fresh process spends a while compiling its first request before the server sees it: the server's clock
        // starts only then, and the answer comes right after.
        using var rig = new TimedClientRig((_, _) => Seconds(3), submitTransit: Seconds(0.5));

        await rig.GenerateAsync("flash");

        // As read by the server, from when it took the submit: the check on the typical duration finds it ready.
        Assert.Equal([Seconds(2.7), Seconds(3)], rig.Api.ReadsOf(0));
    }

    [Fact]
    public async Task The_window_is_timed_from_when_the_submits_answer_arrived_not_from_when_the_client_had_read_it()
    {
        // The answer arrives as the server takes the submit, then the client spends 80 ms reading it; the prediction's
        // clock started before that, so the checks must not move with it.
        using var rig = new TimedClientRig((_, _) => Seconds(3), submitAnswerReading: TimeSpan.FromMilliseconds(80));

        await rig.GenerateAsync("flash");

        Assert.Equal([Seconds(2.7), Seconds(3)], rig.Api.ReadsOf(0));
    }

    [Fact]
    public async Task A_wait_resumed_from_an_id_alone_reads_at_once_then_follows_the_first_delay()
    {
        using var rig = new TimedClientRig((_, _) => Seconds(3));
        var submitted = await rig.Client.SubmitAsync("A lighthouse", new GenerationOptions { Model = "flash" });

        await rig.Drive(rig.Client.GetPrediction(submitted.Id, submitted.ModelId).WaitForCompletionAsync());

        Assert.Equal([TimeSpan.Zero, Seconds(2), Seconds(5)], rig.Api.ReadsOf(0));
    }

    [Fact]
    public async Task The_handle_shows_each_status_as_the_wait_reads_it()
    {
        using var rig = new TimedClientRig((_, _) => Seconds(3));
        var handle = await rig.Client.SubmitAsync("A lighthouse", new GenerationOptions { Model = "flash" });
        var seen = new List<PredictionStatus> { handle.Status };
        var wait = handle.WaitForCompletionAsync();

        await rig.Time.RunAsync(wait, () =>
        {
            if (seen[^1] != handle.Status) seen.Add(handle.Status);
            return rig.Time.AdvanceToNextDelay();
        });
        await wait;

        // Before, the handle said "created" until the wait returned.
        Assert.Equal(PredictionStatus.Created, seen[0]);
        Assert.Contains(PredictionStatus.Processing, seen);
        Assert.Equal(PredictionStatus.Completed, handle.Status);
    }
}
