using PhotonSdk.Polling;
using PhotonSdk.Tests.Infrastructure;

namespace PhotonSdk.Tests.Polling;

/// <summary>
/// The schedule that learns each model's duration, on a fake clock: the first prediction of a model polls on the
/// growing schedule; later ones check just before the learned duration and a few times around it.
/// </summary>
public sealed class LearnedScheduleTests : IDisposable
{
    private static readonly TimeSpan FlashDuration = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan PhotonDuration = TimeSpan.FromSeconds(8);

    private readonly WatchedClock _time = new();
    private readonly HttpClient _http;
    private readonly TimedPredictionHandler _api;
    private readonly PhotonClient _client;
    private Func<int, string, TimeSpan> _durationOf = (_, model) => model.EndsWith("flash", StringComparison.Ordinal) ? FlashDuration : PhotonDuration;

    public LearnedScheduleTests() : this(null)
    {
    }

    private LearnedScheduleTests(Action<PollingOptions>? configure)
    {
        _api = new TimedPredictionHandler(_time, (index, model) => _durationOf(index, model));
        _http = new HttpClient(_api);
        var options = new PhotonClientOptions { ApiKey = "ws-test-key", BaseUrl = new Uri("https://api.wavespeed.ai"), TimeProvider = _time };
        configure?.Invoke(options.Polling);
        _client = new PhotonClient(options, _http);
    }

    [Fact]
    public async Task The_first_prediction_of_a_model_polls_on_the_growing_schedule()
    {
        await GenerateAsync("flash");

        Assert.Equal([Seconds(2), Seconds(5)], _api.ReadsOf(0));
    }

    [Fact]
    public async Task Later_predictions_check_just_before_the_learned_duration_and_notice_completion_within_a_fast_interval()
    {
        for (var i = 0; i < 8; i++) await GenerateAsync("flash");

        var last = _api.ReadsOf(7);
        Assert.InRange(last[0], TimeSpan.FromSeconds(2.7), FlashDuration);
        Assert.InRange(last[^1], FlashDuration, FlashDuration + TimeSpan.FromMilliseconds(250));
        Assert.InRange(last.Count, 1, 2);
    }

    [Fact]
    public async Task An_outlier_does_not_poison_what_was_learned()
    {
        _durationOf = (index, _) => index == 6 ? TimeSpan.FromSeconds(40) : FlashDuration;
        for (var i = 0; i < 8; i++) await GenerateAsync("flash");

        var afterOutlier = _api.ReadsOf(7);
        Assert.InRange(afterOutlier[0], TimeSpan.FromSeconds(2.7), FlashDuration);
        Assert.InRange(afterOutlier.Count, 1, 2);
    }

    [Fact]
    public async Task A_prediction_that_outlasts_the_fast_window_falls_back_to_the_growing_schedule()
    {
        _durationOf = (index, _) => index == 6 ? TimeSpan.FromSeconds(40) : FlashDuration;
        for (var i = 0; i < 7; i++) await GenerateAsync("flash");

        var slow = _api.ReadsOf(6);
        var gaps = slow.Zip(slow.Skip(1), (a, b) => b - a).ToList();
        var fast = gaps.Count(g => g < TimeSpan.FromSeconds(1));
        Assert.InRange(fast, 1, new PollingOptions().MaxFastPolls - 1);
        Assert.All(gaps.Skip(fast), g => Assert.True(g >= TimeSpan.FromSeconds(2), $"a slow poll came after only {g}"));
        // Over 40 s, fewer requests than a fixed one-second poll would send.
        Assert.InRange(slow.Count, 1, 20);
    }

    [Fact]
    public async Task Each_model_is_learned_separately()
    {
        for (var i = 0; i < 6; i++) await GenerateAsync("flash");

        await GenerateAsync("photon");
        Assert.Equal([Seconds(2), Seconds(5), Seconds(9.5)], _api.ReadsOf(6));

        for (var i = 0; i < 6; i++) await GenerateAsync("photon");
        await GenerateAsync("flash");

        Assert.InRange(_api.ReadsOf(12)[0], TimeSpan.FromSeconds(7.7), PhotonDuration);
        Assert.InRange(_api.ReadsOf(13)[0], TimeSpan.FromSeconds(2.7), FlashDuration);
    }

    [Fact]
    public async Task A_wait_resumed_from_an_id_alone_neither_uses_nor_feeds_the_learned_duration()
    {
        for (var i = 0; i < 6; i++) await GenerateAsync("flash");
        var submitted = await _client.SubmitAsync("A lighthouse", new GenerationOptions { Model = "flash" });

        await Drive(_client.GetPrediction(submitted.Id, submitted.ModelId).WaitForCompletionAsync());

        Assert.Equal([TimeSpan.Zero, Seconds(2), Seconds(5)], _api.ReadsOf(6));
    }

    [Fact]
    public async Task Learning_can_be_turned_off()
    {
        using var fixedSchedule = new LearnedScheduleTests(polling => polling.LearnDurations = false);
        for (var i = 0; i < 4; i++) await fixedSchedule.GenerateAsync("flash");

        Assert.Equal([Seconds(2), Seconds(5)], fixedSchedule._api.ReadsOf(3));
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
    [InlineData(2.9, 3.1, 3.0)]   // a narrow gap: its middle
    [InlineData(2.0, 5.0, 3.8)]   // a wide gap: no more than one fast window (1.2 s) before the completed sighting
    [InlineData(0.0, 0.5, 0.25)]
    public void An_observation_is_estimated_from_the_gap_between_its_sightings(double pending, double completed, double expected)
    {
        var estimate = ModelDurations.Estimate(TimeSpan.FromSeconds(pending), TimeSpan.FromSeconds(completed), TimeSpan.FromSeconds(1.2));

        Assert.Equal(TimeSpan.FromSeconds(expected), estimate);
    }

    [Fact]
    public void Models_outside_the_catalog_are_not_learned()
    {
        var durations = new ModelDurations();

        durations.Record("someone/else", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));

        Assert.Null(durations.Expected("someone/else"));
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    private Task GenerateAsync(string model) => Drive(_client.GenerateAsync("A lighthouse", new GenerationOptions { Model = model }));

    /// <summary>Runs a call to its end, the fake clock moving to the next timer whenever the client waits on a delay.</summary>
    /// <remarks>The handler answers at once, inside the call: the client is never busy while a delay is pending.</remarks>
    private async Task Drive(Task task)
    {
        await _time.RunAsync(task, _time.AdvanceToNextDelay);
        await task;
    }
}
