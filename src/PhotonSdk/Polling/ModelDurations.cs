namespace PhotonSdk.Polling;

/// <summary>
/// What one client has learned of how long each catalog model's predictions take, from the submit's answer to a
/// completed result, and the window a wait times its checks by. One entry per model of the catalog at most, so it never
/// grows with the number of predictions.
/// </summary>
internal sealed class ModelDurations
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DurationSamples> _byModel = new(StringComparer.Ordinal);

    /// <summary>The typical duration of <paramref name="modelId"/>'s predictions, once one has been observed.</summary>
    public TimeSpan? Expected(string? modelId) =>
        modelId is not null && PhotonModels.TryFind(modelId, out var model) && _byModel.TryGetValue(model.Id, out var samples) && samples.TryGetMedian(out var median)
            ? median
            : null;

    /// <summary>
    /// When a prediction of <paramref name="modelId"/> should complete: from what this client has timed, when it learns
    /// durations and has timed the model; else from the duration the options give for it; else from the catalog's
    /// typical duration, when the options use it; <see langword="null"/> when none of them knows the model.
    /// </summary>
    public ExpectedWindow? Window(string? modelId, PollingOptions polling)
    {
        if (modelId is null) return null;
        var known = PhotonModels.TryFind(modelId, out var model);
        if (polling.LearnDurations && known && _byModel.TryGetValue(model!.Id, out var samples) && samples.TryGetWindow(polling.FastInterval, out var learned))
        {
            return learned;
        }

        if (polling.ExpectedDurations.Count > 0 && polling.ExpectedDurations.TryGetValue(known ? model!.Id : modelId, out var given))
        {
            return ExpectedWindow.Around(given);
        }

        return polling.UseTypicalDurations && model?.TypicalDuration is { } typical ? ExpectedWindow.Around(typical) : null;
    }

    /// <summary>
    /// Records a prediction known to be unfinished at <paramref name="lastPending"/> and finished at
    /// <paramref name="firstCompleted"/>, both measured from its submit's answer.
    /// </summary>
    /// <param name="modelId">The model; ignored unless it is in the catalog.</param>
    /// <param name="lastPending">The latest time it was seen unfinished.</param>
    /// <param name="firstCompleted">The time it was first seen completed.</param>
    /// <param name="interval">The interval of the fast checks; see <see cref="Estimate"/>.</param>
    public void Record(string? modelId, TimeSpan lastPending, TimeSpan firstCompleted, TimeSpan interval)
    {
        if (modelId is null || !PhotonModels.TryFind(modelId, out var model)) return;
        _byModel.GetOrAdd(model.Id, static _ => new DurationSamples()).Add(Estimate(lastPending, firstCompleted, interval));
    }

    /// <summary>
    /// The completion lies between the two sightings; the estimate is the middle of that gap. A wide gap says little:
    /// the first check already found it done (the only earlier sighting being the submit's answer), or the interval had
    /// grown. Its middle would put a prediction that was done at the window's first check at half its duration, and a
    /// few such samples would start later windows far too early, so the estimate is kept within one interval of the
    /// completed sighting; when the expectation was much too long, each wait moves it that much closer.
    /// </summary>
    internal static TimeSpan Estimate(TimeSpan lastPending, TimeSpan firstCompleted, TimeSpan interval)
    {
        var middle = lastPending + ((firstCompleted - lastPending) / 2);
        var earliest = firstCompleted - interval;
        var estimate = middle > earliest ? middle : earliest;
        return estimate > TimeSpan.Zero ? estimate : TimeSpan.Zero;
    }
}
