namespace PhotonSdk;

/// <summary>
/// A submitted prediction. Its <see cref="Id"/> is known as soon as the submit returns; keep it to resume the wait later
/// (<see cref="PhotonClient.GetPrediction"/>) if this process stops or the wait times out.
/// </summary>
public sealed class PredictionHandle
{
    private readonly PhotonClient _client;

    internal PredictionHandle(PhotonClient client, string id, string? modelId, PredictionStatus status, long startedTimestamp, string? requestedModelId = null)
    {
        _client = client;
        Id = id;
        ModelId = modelId;
        Status = status;
        StartedTimestamp = startedTimestamp;
        RequestedModelId = requestedModelId;
    }

    /// <summary>The prediction id.</summary>
    public string Id { get; }

    /// <summary>The model id, when known (a handle rehydrated from an id alone learns it from the first result).</summary>
    public string? ModelId { get; internal set; }

    /// <summary>The last status seen; <c>unknown</c> for a handle rehydrated from an id that has not been read yet.</summary>
    public PredictionStatus Status { get; internal set; }

    internal long StartedTimestamp { get; }

    /// <summary>
    /// Whether <see cref="StartedTimestamp"/> is when the prediction was submitted (false for a handle rehydrated from an
    /// id, whose submit time is unknown): only then can its wait learn from, and be timed by, model durations.
    /// </summary>
    internal bool StartedAtSubmit { get; init; }

    internal string? RequestedModelId { get; }

    internal Generated.Prediction? Latest { get; set; }

    /// <summary>When <see cref="Latest"/> was read, on the client's <see cref="TimeProvider"/>.</summary>
    internal long LatestTimestamp { get; set; }

    /// <summary>Reads the prediction's current status once.</summary>
    /// <param name="cancellationToken">Stops the request (not the prediction).</param>
    /// <returns>The status.</returns>
    public Task<PredictionStatus> UpdateStatusAsync(CancellationToken cancellationToken = default) =>
        _client.UpdateStatusAsync(this, cancellationToken);

    /// <summary>Waits for the prediction to finish and returns its result.</summary>
    /// <param name="cancellationToken">Stops the waiting (not the prediction, which keeps running and is billed).</param>
    /// <returns>The result.</returns>
    public Task<ImageGenerationResult> WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
        _client.WaitForCompletionAsync(this, null, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({ModelId ?? "model unknown"}, {Status})";
}
